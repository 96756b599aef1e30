package org.beatbook.personnel.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitRef;

/** Which units have fewer members currently assigned in a role than the level's target asks for. */
public final class Staffing {

    private Staffing() {
    }

    /** A level's target: e.g. every beat needs at least two beat officers. */
    public record Target(String levelKey, String roleKey, int minimum) {
    }

    /** What is counted: current assignments per unit and role. */
    public record Post(UnitKey unit, String roleKey) {
    }

    public record Gap(UnitRef unit, String roleKey, int minimum, int assigned) {

        public int missing() {
            return minimum - assigned;
        }
    }

    /**
     * Every unit of each target's level (including units nobody serves) whose count is below the target, in target
     * order then unit order.
     */
    public static List<Gap> gaps(List<Target> targets, Function<String, List<UnitRef>> unitsOfLevel,
                                 Map<Post, Integer> current) {
        List<Gap> gaps = new ArrayList<>();
        for (Target target : targets) {
            for (UnitRef unit : unitsOfLevel.apply(target.levelKey())) {
                int assigned = current.getOrDefault(new Post(unit.key(), target.roleKey()), 0);
                if (assigned < target.minimum()) {
                    gaps.add(new Gap(unit, target.roleKey(), target.minimum(), assigned));
                }
            }
        }
        return gaps;
    }
}
