package dev.hearken.push.port;

import dev.hearken.push.domain.DeviceRegistration;
import dev.hearken.push.domain.RegisteredDevice;
import java.time.Instant;
import java.util.List;

/** The app backend's view of {@code push-devices}: what {@link UserDirectory} reads when sending. */
public interface DeviceRegistry {

    /**
     * Registers the device, or refreshes it: {@code lastSeen} becomes {@code now}, the first registration time
     * stays. Idempotent.
     *
     * @return the device as stored
     */
    RegisteredDevice register(DeviceRegistration registration, Instant now);

    /** Removes the user's token. Idempotent. @return whether it was registered */
    boolean remove(String userId, String token);

    /** The user's devices, in token order. */
    List<RegisteredDevice> devices(String userId);
}
