package io.tagcf.bench.effects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's GC log ({@code -Xlog:gc:file=...}) says about its heap. Every pause line gives the
 * heap in use before and after it and the committed heap, e.g.
 * {@code [12.3s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 812M->123M(1024M) 5.1ms}:
 * the largest "before" is the most the heap held (a collection starts when it is full), the largest
 * "after" the most that survived one.
 */
final class GcLog {
  private static final Pattern PAUSE = Pattern.compile(
      "GC\\(\\d+\\) Pause .*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([0-9.]+)ms");

  private GcLog() {}

  /**
   * @param peakBytes the largest heap in use before a collection
   * @param peakLiveBytes the largest heap in use after one
   * @param peakCommittedBytes the largest heap the JVM had reserved for use
   * @param pauses collection pauses
   * @param pauseSeconds their total length
   */
  record Summary(long peakBytes, long peakLiveBytes, long peakCommittedBytes, int pauses, double pauseSeconds) {
    static final Summary NONE = new Summary(0, 0, 0, 0, 0);

    String describe() {
      return pauses == 0 ? "no collections logged" : String.format(Locale.ROOT,
          "peak %s (after a collection %s, committed %s), %d pauses, %.2f s paused", mib(peakBytes),
          mib(peakLiveBytes), mib(peakCommittedBytes), pauses, pauseSeconds);
    }
  }

  static Summary read(Path file) throws IOException {
    return Files.exists(file) ? parse(Files.readAllLines(file)) : Summary.NONE;
  }

  static Summary parse(List<String> lines) {
    long peak = 0;
    long live = 0;
    long committed = 0;
    int pauses = 0;
    double millis = 0;
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line);
      if (!m.find()) {
        continue;
      }
      peak = Math.max(peak, bytes(m.group(1), m.group(2)));
      live = Math.max(live, bytes(m.group(3), m.group(4)));
      committed = Math.max(committed, bytes(m.group(5), m.group(6)));
      pauses++;
      millis += Double.parseDouble(m.group(7));
    }
    return new Summary(peak, live, committed, pauses, millis / 1000);
  }

  private static long bytes(String number, String unit) {
    long n = Long.parseLong(number);
    return switch (unit) {
      case "K" -> n << 10;
      case "M" -> n << 20;
      default -> n << 30;
    };
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
  }
}
