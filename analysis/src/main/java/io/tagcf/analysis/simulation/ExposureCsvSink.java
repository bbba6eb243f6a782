package io.tagcf.analysis.simulation;

import io.tagcf.models.simulation.ExposureBlock;
import io.tagcf.models.simulation.ExposureSink;
import io.tagcf.models.simulation.World;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes exposures.csv. The file holds only integers and 0/1 flags, so rows are formatted by hand
 * into a byte buffer: a general CSV printer (quoting checks, String per field) would make writing
 * ten million rows slower than simulating them.
 */
final class ExposureCsvSink implements ExposureSink {
  static final String HEADER = "exposure_id,user_id,video_id,segment,explore,clicked,completed,liked\n";
  private final World world;
  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 20];
  private int position;

  ExposureCsvSink(World world, OutputStream out) throws IOException {
    this.world = world;
    this.out = out;
    out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public void accept(ExposureBlock block) {
    try {
      for (int i = 0; i < block.size(); i++) {
        if (position > buffer.length - 96) {
          flush();
        }
        number(block.firstId() + i);
        comma();
        number(block.user(i));
        comma();
        number(block.video(i));
        comma();
        number(world.userSegment(block.user(i)));
        comma();
        flag(block.explore(i));
        comma();
        flag(block.clicked(i));
        comma();
        flag(block.completed(i));
        comma();
        flag(block.liked(i));
        buffer[position++] = '\n';
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void flush() throws IOException {
    out.write(buffer, 0, position);
    position = 0;
  }

  private void comma() {
    buffer[position++] = ',';
  }

  private void flag(boolean b) {
    buffer[position++] = (byte) (b ? '1' : '0');
  }

  private void number(long v) {
    if (v == 0) {
      buffer[position++] = '0';
      return;
    }
    int start = position;
    while (v > 0) {
      buffer[position++] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    for (int a = start, b = position - 1; a < b; a++, b--) {
      byte t = buffer[a];
      buffer[a] = buffer[b];
      buffer[b] = t;
    }
  }
}
