package org.beatbook.geography.application;

import java.util.concurrent.atomic.AtomicReference;

import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitLocator;
import org.beatbook.geography.domain.index.SpatialIndex;
import org.beatbook.geography.persistence.GeographyRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Point lookup from an in-memory index of every unit, built at start and rebuilt after each committed change (see
 * {@link LocatorRefresh}), so that a lookup never waits for the database.
 */
@Service
class IndexedUnitLocator implements UnitLocator {

    private final GeographyRepository repository;
    private final double toleranceMeters;
    private final AtomicReference<SpatialIndex> index = new AtomicReference<>();

    IndexedUnitLocator(GeographyRepository repository,
                       @Value("${beatbook.geography.boundary-tolerance-meters:30}") double toleranceMeters) {
        this.repository = repository;
        this.toleranceMeters = toleranceMeters;
    }

    @Override
    public Placement locate(double latitude, double longitude) {
        SpatialIndex current = index.get();
        return (current == null ? rebuild() : current).locate(latitude, longitude);
    }

    @Override
    public void refresh() {
        rebuild();
    }

    /** Synchronized so that of two quick changes the later one's data ends up in the index. */
    private synchronized SpatialIndex rebuild() {
        SpatialIndex fresh = SpatialIndex.build(repository.shapes(), toleranceMeters);
        index.set(fresh);
        return fresh;
    }
}
