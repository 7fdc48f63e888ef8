package dev.hearken.push.port;

import dev.hearken.push.domain.Delivery;

/** Where deliveries are recorded, for monitoring and experiment results. */
public interface DeliveryLog {

    void record(Delivery delivery);
}
