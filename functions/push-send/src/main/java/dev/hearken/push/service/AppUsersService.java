package dev.hearken.push.service;

import dev.hearken.integration.NotFoundException;
import dev.hearken.push.domain.DeviceRegistration;
import dev.hearken.push.domain.DeviceToken;
import dev.hearken.push.domain.ErasurePlan;
import dev.hearken.push.domain.ErasureReport;
import dev.hearken.push.domain.ProfileUpdate;
import dev.hearken.push.domain.ProfileView;
import dev.hearken.push.domain.RegisteredDevice;
import dev.hearken.push.port.DeviceRegistry;
import dev.hearken.push.port.PersonalData;
import dev.hearken.push.port.ProfileStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app backend's API over push-send's users: devices, profiles, and erasing a user. Writes exactly the item
 * shapes the send path reads ({@code DynamoDbUserDirectory}), so a device registered here is the one a push goes
 * to, and a profile written here decides its language, quiet hours and opt-outs.
 *
 * <p>Every value is checked before anything is written ({@link dev.hearken.push.domain.AppInput},
 * {@link DeviceToken}); a bad one is an {@link dev.hearken.push.domain.InvalidFieldException}.
 */
public final class AppUsersService {

    private final DeviceRegistry devices;
    private final ProfileStore profiles;
    private final List<PersonalData> personalData;
    private final Clock clock;

    /**
     * @param personalData every store erased by user id, in {@link ErasurePlan#ERASED}'s order (checked here, so the
     *                     wiring cannot drift from the plan)
     */
    public AppUsersService(DeviceRegistry devices, ProfileStore profiles, List<PersonalData> personalData, Clock clock) {
        List<String> stores = personalData.stream().map(PersonalData::store).toList();
        if (!stores.equals(ErasurePlan.ERASED)) {
            throw new IllegalArgumentException("erasure stores " + stores + " are not the plan's " + ErasurePlan.ERASED);
        }
        this.devices = devices;
        this.profiles = profiles;
        this.personalData = List.copyOf(personalData);
        this.clock = clock;
    }

    /** Registers or refreshes the device ({@code lastSeen} = now). */
    public RegisteredDevice registerDevice(String userId, String token, String platform, String appId, String locale) {
        return devices.register(DeviceRegistration.of(userId, token, platform, appId, locale), clock.instant());
    }

    /** Removes the device; removing one that is not there is no error (idempotent). */
    public Map<String, Object> removeDevice(String userId, String token) {
        boolean removed = devices.remove(userId, DeviceToken.requireAny(token));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", userId);
        out.put("removed", removed);
        return out;
    }

    /** The user's devices (none for an unknown user). */
    public Map<String, Object> devices(String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", userId);
        out.put("devices", devices.devices(userId));
        return out;
    }

    /** Writes the profile ({@link ProfileUpdate}: what it replaces, what it keeps) and returns it as stored. */
    public ProfileView putProfile(String userId, ProfileUpdate update) {
        return ProfileView.of(profiles.upsert(userId, update, clock.instant()));
    }

    /** The profile; a {@link NotFoundException} for an unknown user. */
    public ProfileView profile(String userId) {
        return profiles.find(userId).map(ProfileView::of).orElseThrow(() -> new NotFoundException("profile", "the user's profile"));
    }

    /** Erases everything found under {@code userId} ({@link ErasurePlan}); repeating it reports zeros. */
    public ErasureReport erase(String userId) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        for (PersonalData store : personalData) {
            erased.put(store.store(), store.erase(userId));
        }
        return new ErasureReport(userId, erased, List.copyOf(ErasurePlan.NOT_LINKABLE.keySet()));
    }
}
