package org.beatbook.personnel.application;

import java.util.List;

import org.beatbook.geography.UnitCatalogue;
import org.beatbook.personnel.domain.Staffing;
import org.beatbook.personnel.persistence.AssignmentStore;
import org.beatbook.personnel.persistence.CatalogStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Staffing targets and the units below them today. */
@Service
public class StaffingReport {

    private final CatalogStore catalog;
    private final AssignmentStore assignments;
    private final ObjectProvider<UnitCatalogue> units;
    private final Personnel personnel;

    StaffingReport(CatalogStore catalog, AssignmentStore assignments, ObjectProvider<UnitCatalogue> units,
                   Personnel personnel) {
        this.catalog = catalog;
        this.assignments = assignments;
        this.units = units;
        this.personnel = personnel;
    }

    public List<Staffing.Target> targets() {
        return catalog.targets();
    }

    public List<Staffing.Gap> gaps() {
        UnitCatalogue catalogue = units.getObject();
        return Staffing.gaps(catalog.targets(), catalogue::units, assignments.currentCounts(personnel.today()));
    }
}
