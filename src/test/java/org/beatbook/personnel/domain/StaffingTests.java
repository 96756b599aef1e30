package org.beatbook.personnel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitRef;
import org.junit.jupiter.api.Test;

class StaffingTests {

    static final List<UnitRef> BEATS = List.of(new UnitRef("beat", "Beat", "0711", "0711"),
            new UnitRef("beat", "Beat", "0712", "0712"), new UnitRef("beat", "Beat", "0713", "0713"));

    @Test
    void listsEveryUnitBelowTargetIncludingUnitsNobodyServes() {
        Map<Staffing.Post, Integer> current = Map.of(
                new Staffing.Post(new UnitKey("beat", "0711"), "beat-officer"), 2,
                new Staffing.Post(new UnitKey("beat", "0712"), "beat-officer"), 1,
                new Staffing.Post(new UnitKey("beat", "0713"), "problem-solving-officer"), 3);
        List<Staffing.Gap> gaps = Staffing.gaps(List.of(new Staffing.Target("beat", "beat-officer", 2)),
                level -> level.equals("beat") ? BEATS : List.of(), current);
        assertThat(gaps).extracting(g -> g.unit().code(), Staffing.Gap::assigned, Staffing.Gap::missing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0712", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("0713", 0, 2));
    }

    @Test
    void noTargetsNoGaps() {
        assertThat(Staffing.gaps(List.of(), level -> BEATS, Map.of())).isEmpty();
    }
}
