package io.tagcf.bench.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What must stay flat over a soak: the heap that survived the last collection (a leak grows it;
 * the heap in use before a collection only says when the collector last ran), the JVM's threads,
 * and the connections PostgreSQL has open to the database; with the machine's load average, which
 * says whether anything else competed for the cores.
 */
record HealthSample(double liveHeapMb, int threads, long databaseConnections, double loadAverage) {

  static HealthSample take(DataSource db) throws Exception {
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterGc != null) {
        live += afterGc.getUsed();
      }
    }
    long connections;
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      rs.next();
      connections = rs.getLong(1);
    }
    return new HealthSample(live / 1048576.0, ManagementFactory.getThreadMXBean().getThreadCount(), connections,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
