package io.tagcf.batch;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr while a batch tool works through a file. Shown on a terminal only:
 * redirected to a log, a redrawn bar is noise, and stdout stays clean for the results either way.
 */
public final class Progress implements AutoCloseable {

  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  public static Progress of(String task, long max, boolean show) {
    if (!show) {
      return new Progress(null);
    }
    return new Progress(new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .showSpeed()
        .build());
  }

  /** True when stderr is most likely a terminal (the JVM has a console). */
  public static boolean terminal() {
    return System.console() != null;
  }

  public void step() {
    if (bar != null) {
      bar.step();
    }
  }

  /** Sets the count done so far (for work that reports progress in chunks). */
  public void stepTo(long done) {
    if (bar != null) {
      bar.stepTo(done);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
