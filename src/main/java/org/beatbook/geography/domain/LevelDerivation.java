package org.beatbook.geography.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Builds the units of a level from the level below when a department has no file for it: children whose codes start
 * with the same characters form one parent (Chicago beats 0711..0715 form sector 071).
 */
public final class LevelDerivation {

    public record Child(String code, Geometry boundary) {
    }

    public record Result(List<BoundaryUnit> units, List<ImportProblem> errors) {
    }

    public Result derive(List<Child> children, int codePrefixLength) {
        if (codePrefixLength < 1) {
            return new Result(List.of(), List.of(ImportProblem.of("geography.problem.prefix-length", codePrefixLength)));
        }
        if (children.isEmpty()) {
            return new Result(List.of(), List.of(ImportProblem.of("geography.problem.no-children")));
        }
        List<ImportProblem> errors = new ArrayList<>();
        Map<String, List<Geometry>> groups = new TreeMap<>();
        for (Child child : children) {
            if (child.code().length() <= codePrefixLength) {
                errors.add(ImportProblem.of("geography.problem.code-too-short", child.code(), codePrefixLength));
            }
            else {
                groups.computeIfAbsent(prefix(child.code(), codePrefixLength), p -> new ArrayList<>()).add(child.boundary());
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors);
        }
        List<BoundaryUnit> units = new ArrayList<>();
        groups.forEach((code, parts) -> units.add(
                new BoundaryUnit(code, code, null, UnaryUnionOp.union(parts), 1, -1)));
        return new Result(units, List.of());
    }

    public static String prefix(String code, int length) {
        return code.substring(0, length);
    }
}
