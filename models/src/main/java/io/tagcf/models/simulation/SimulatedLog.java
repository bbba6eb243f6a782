package io.tagcf.models.simulation;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A simulated world's exposures as interaction-log rows, streamed: the simulator runs on its own
 * thread a few blocks ahead of the reader, and every block also goes to the truth table. Event ids
 * are {@code prefix + "e" + n}, users {@code prefix + "u" + index}; exposure times are spread evenly
 * over [start, start + span). A clicked, uncompleted watch has watch ratio 0.35, a completed one 1.
 */
public final class SimulatedLog implements Iterator<Exposure> {
  private static final ExposureBlock END = null;
  private final World world;
  private final List<String> videoIds;
  private final String prefix;
  private final Instant start;
  private final long spanMillis;
  private final BlockingQueue<Object> blocks = new ArrayBlockingQueue<>(4);
  private final Thread producer;
  private ExposureBlock current;
  private int index;
  private boolean finished;

  private SimulatedLog(World world, List<String> videoIds, String prefix, Instant start, Duration span,
      TruthTable truth) {
    if (videoIds.size() != world.config().videos()) {
      throw new IllegalArgumentException("need one id per video: " + videoIds.size() + " for "
          + world.config().videos());
    }
    this.world = world;
    this.videoIds = List.copyOf(videoIds);
    this.prefix = prefix;
    this.start = start;
    this.spanMillis = Math.max(1, span.toMillis());
    this.producer = new Thread(() -> {
      try {
        new ExposureSimulator(world).run(block -> {
          truth.accept(block);
          put(block);
        }, 1, null);
        put(Boolean.TRUE);
      } catch (RuntimeException e) {
        put(e);
      }
    }, "simulated-log");
    producer.setDaemon(true);
  }

  /** Starts streaming the world's exposures; {@code truth} accumulates the true effects as they pass. */
  public static SimulatedLog start(World world, List<String> videoIds, String prefix, Instant start, Duration span,
      TruthTable truth) {
    SimulatedLog log = new SimulatedLog(world, videoIds, prefix, start, span, truth);
    log.producer.start();
    return log;
  }

  /** The world's users with their segment's age band and city tier. */
  public static List<UserProfile> users(World world, String prefix) {
    List<UserProfile> out = new ArrayList<>(world.config().users());
    for (int u = 0; u < world.config().users(); u++) {
      Segment s = world.segments().get(world.userSegment(u));
      out.add(new UserProfile(prefix + "u" + u, s.ageBand(), String.valueOf(s.cityTier()), null, Map.of()));
    }
    return out;
  }

  /** The segment key the scheme {@code age_band,city_tier} gives a world segment. */
  public static String segmentKey(Segment s) {
    return s.ageBand() + "/" + s.cityTier();
  }

  private void put(Object item) {
    try {
      blocks.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    }
  }

  @Override
  public boolean hasNext() {
    while (!finished && (current == null || index >= current.size)) {
      Object next;
      try {
        next = blocks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the simulator", e);
      }
      if (next instanceof RuntimeException e) {
        throw e;
      }
      if (next instanceof ExposureBlock block) {
        current = block;
        index = 0;
      } else {
        finished = true;
        current = END;
      }
    }
    return !finished;
  }

  @Override
  public Exposure next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int i = index++;
    long id = current.firstId + i;
    long total = Math.max(1, world.config().exposures());
    Instant at = start.plusMillis((long) ((double) id / total * spanMillis));
    boolean clicked = current.clicked[i];
    boolean completed = current.completed[i];
    return new Exposure(prefix + "e" + id, prefix + "u" + current.user[i], videoIds.get(current.video[i]), at,
        clicked, completed ? 1.0 : clicked ? 0.35 : 0.0, completed, current.liked[i], current.explore[i],
        (int) (id % 20));
  }
}
