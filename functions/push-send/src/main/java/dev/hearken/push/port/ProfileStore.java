package dev.hearken.push.port;

import dev.hearken.push.domain.ProfileUpdate;
import dev.hearken.push.domain.UserProfile;
import java.time.Instant;
import java.util.Optional;

/** The app backend's view of {@code push-users}: what {@link UserDirectory#profile} reads when sending. */
public interface ProfileStore {

    /**
     * Writes what {@code update} owns, keeping what others wrote on the profile ({@link ProfileUpdate}).
     *
     * @return the profile as stored
     * @throws dev.hearken.integration.ConflictException when the profile kept changing under the write
     */
    UserProfile upsert(String userId, ProfileUpdate update, Instant now);

    /** The profile as stored now (a strongly consistent read), or empty for an unknown user. */
    Optional<UserProfile> find(String userId);
}
