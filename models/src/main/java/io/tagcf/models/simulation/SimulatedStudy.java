package io.tagcf.models.simulation;

/**
 * A simulated world with what an estimation study over it needs: per (video, segment) exposure
 * statistics to build designs from, and the true effects to compare the estimates with. The
 * exposures themselves are not kept; they stream through both.
 */
public record SimulatedStudy(SimulationConfig config, World world, VideoSegmentStats stats, TruthTable truth) {

  public static SimulatedStudy simulate(SimulationConfig config, int threads) {
    World world = WorldBuilder.build(config);
    VideoSegmentStats stats = new VideoSegmentStats(world);
    TruthTable truth = new TruthTable(world);
    new ExposureSimulator(world).run(block -> {
      stats.accept(block);
      truth.accept(block);
    }, threads, null);
    return new SimulatedStudy(config, world, stats, truth);
  }
}
