package dev.hearken.push.port;

import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.UserProfile;
import java.util.List;
import java.util.Optional;

/** Users and their registered devices. */
public interface UserDirectory {

    Optional<UserProfile> profile(String userId);

    List<Device> devices(String userId);

    /** Forgets a token the provider reported dead. Idempotent. */
    void removeDevice(Device device);
}
