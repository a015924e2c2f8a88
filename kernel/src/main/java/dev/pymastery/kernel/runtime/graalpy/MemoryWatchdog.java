package dev.pymastery.kernel.runtime.graalpy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import javax.management.NotificationEmitter;

/**
 * Calls back when the old generation is still nearly full after a collection: the heap is about to
 * run out, and the running cell must stop before the kernel's own threads (sockets, heartbeat)
 * fail to allocate and die. Relies on the JVM's collection-usage thresholds, so it costs nothing
 * until then.
 */
final class MemoryWatchdog {
    private MemoryWatchdog() {}

    /**
     * @param fraction of the old generation's maximum that live data may fill after a collection
     * @param nearlyFull called (on a JMX notification thread) each time a collection leaves more
     */
    static void start(double fraction, Runnable nearlyFull) {
        boolean watching = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            // The old generation is the heap pool with a usage threshold (eden and survivor have none).
            if (pool.getType() == MemoryType.HEAP
                    && pool.isUsageThresholdSupported()
                    && pool.isCollectionUsageThresholdSupported()
                    && pool.getUsage().getMax() > 0) {
                pool.setCollectionUsageThreshold((long) (pool.getUsage().getMax() * fraction));
                watching = true;
            }
        }
        if (watching) {
            ((NotificationEmitter) ManagementFactory.getMemoryMXBean())
                    .addNotificationListener(
                            (notification, handback) -> nearlyFull.run(),
                            notification -> notification
                                    .getType()
                                    .equals(MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED),
                            null);
        }
    }
}
