package org.beatbook.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.beatbook.geography.domain.index.BoundaryFixtures;
import org.beatbook.geography.domain.index.SpatialIndex;
import org.beatbook.geography.domain.index.UnitShape;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Time to build the Chicago index (STRtrees, prepared geometries and the grid; the grid build is parallel). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class IndexBuildBenchmark {

    private List<UnitShape> shapes;

    @Setup
    public void load() {
        shapes = BoundaryFixtures.chicago();
    }

    @Benchmark
    public SpatialIndex build() {
        return SpatialIndex.build(shapes, 30);
    }
}
