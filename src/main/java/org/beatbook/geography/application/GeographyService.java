package org.beatbook.geography.application;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.beatbook.geography.BoundariesChanged;
import org.beatbook.geography.BoundaryAdministration;
import org.beatbook.geography.BoundaryImportReport;
import org.beatbook.geography.BoundaryImportRequest;
import org.beatbook.geography.LevelDefinition;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitLevel;
import org.beatbook.geography.UnitRef;
import org.beatbook.geography.domain.BoundaryFileReader;
import org.beatbook.geography.domain.BoundaryUnit;
import org.beatbook.geography.domain.BoundaryValidator;
import org.beatbook.geography.domain.ImportProblem;
import org.beatbook.geography.domain.LevelDerivation;
import org.beatbook.geography.domain.LevelRules;
import org.beatbook.geography.domain.ParentMatcher;
import org.beatbook.geography.persistence.GeographyRepository;
import org.beatbook.geography.persistence.GeographyRepository.ImportRecord;
import org.beatbook.geography.persistence.GeographyRepository.ParentLink;
import org.beatbook.geography.persistence.GeographyRepository.ParentSource;
import org.beatbook.platform.NulCharacters;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Levels and boundaries: checks a file completely before touching the database, then replaces the level in one
 * transaction, keeping units' identity by code, and re-derives the parents of the level below.
 */
@Service
public class GeographyService implements UnitCatalogue, BoundaryAdministration {

    private final GeographyRepository repository;
    private final ProblemMessages messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    GeographyService(GeographyRepository repository, ProblemMessages messages, ApplicationEventPublisher events,
                     PlatformTransactionManager transactions) {
        this.repository = repository;
        this.messages = messages;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    // UnitCatalogue

    @Override
    public List<UnitLevel> levels() {
        return repository.levels();
    }

    @Override
    public Optional<UnitLevel> level(String key) {
        return levels().stream().filter(l -> l.key().equals(key)).findFirst();
    }

    @Override
    public List<UnitRef> units(String levelKey) {
        return repository.units(levelKey);
    }

    @Override
    public Optional<UnitRef> unit(UnitKey key) {
        return repository.unit(key);
    }

    @Override
    public List<UnitRef> chain(UnitKey key) {
        List<UnitRef> chain = new ArrayList<>();
        Optional<UnitKey> next = Optional.of(key);
        // bounded by the number of levels: parents always lie one level up
        for (int guard = levels().size(); next.isPresent() && guard >= 0; guard--) {
            Optional<UnitRef> unit = repository.unit(next.get());
            if (unit.isEmpty()) {
                break;
            }
            chain.add(unit.get());
            next = repository.parent(next.get());
        }
        Collections.reverse(chain);
        return chain;
    }

    @Override
    public List<UnitRef> children(UnitKey key) {
        return repository.children(key);
    }

    // BoundaryAdministration

    @Override
    public void defineLevels(List<LevelDefinition> topDown) {
        List<ImportProblem> problems = LevelRules.check(topDown);
        if (!problems.isEmpty()) {
            throw new GeographyRejection(GeographyRejection.Kind.INVALID, messages.render(problems));
        }
        transaction.executeWithoutResult(status -> {
            repository.lockLevels();
            Set<String> kept = new HashSet<>(topDown.stream().map(LevelDefinition::key).toList());
            Map<String, Integer> counts = repository.unitCounts();
            List<ImportProblem> occupied = new ArrayList<>();
            for (UnitLevel existing : repository.levels()) {
                if (!kept.contains(existing.key())) {
                    int units = counts.getOrDefault(existing.key(), 0);
                    if (units > 0) {
                        occupied.add(ImportProblem.of("geography.level.not-empty", existing.name(), units));
                    }
                    else {
                        repository.deleteLevel(existing.key());
                    }
                }
            }
            if (!occupied.isEmpty()) {
                throw new GeographyRejection(GeographyRejection.Kind.CONFLICT, messages.render(occupied));
            }
            repository.saveLevels(topDown);
            // a level inserted or moved changes which level is "above": keep the parents consistent with it
            repository.levels().forEach(level -> reconcileParents(level, false));
            events.publishEvent(new LevelsChanged(topDown.size()));
        });
    }

    @Override
    public BoundaryImportReport importBoundaries(BoundaryImportRequest request, InputStream geoJson) {
        return importBoundaries(request, geoJson, "GeoJSON", currentActor());
    }

    /** @param source what the file was (its name), for the audit; @param actor who imports it */
    public BoundaryImportReport importBoundaries(BoundaryImportRequest request, InputStream geoJson, String source,
                                                 String actor) {
        UnitLevel level = requireLevel(request.level());
        if (request.codeProperty() == null || request.codeProperty().isBlank()) {
            throw new GeographyRejection(GeographyRejection.Kind.INVALID,
                    List.of(messages.render(ImportProblem.of("geography.problem.no-code-property"))));
        }
        BoundaryFileReader.Result read = new BoundaryFileReader(request.codeProperty().strip(),
                blankToNull(request.nameProperty()), blankToNull(request.parentProperty())).read(geoJson);
        BoundaryValidator.Result checked = new BoundaryValidator().validate(read.features(), request.repairInvalid());
        List<ImportProblem> errors = new ArrayList<>(read.errors());
        errors.addAll(checked.errors());
        List<ImportProblem> warnings = new ArrayList<>(checked.warnings());
        List<BoundaryUnit> units = checked.units();
        ParentSource parentSource = request.parentProperty() == null || request.parentProperty().isBlank()
                ? ParentSource.GEOMETRY : ParentSource.FILE;
        Optional<UnitLevel> above = levelAbove(level);
        if (errors.isEmpty()) {
            units = parentSource == ParentSource.FILE ? checkNamedParents(units, level, above, errors)
                    : deriveParents(units, above, warnings);
        }
        // A file name is only a label here: a NUL in it (a client can send one) is shown, not refused.
        ImportOutcome outcome = new ImportOutcome(level, NulCharacters.shown(source), actor, read.featureCount(),
                checked.multiPartUnits(), errors, warnings);
        if (!errors.isEmpty()) {
            return reject(outcome);
        }
        List<BoundaryUnit> accepted = units;
        return transaction.execute(status -> {
            repository.lockLevels();
            repository.replaceUnits(level.key(), above.map(UnitLevel::key).orElse(null), accepted, parentSource);
            levelBelow(level).ifPresent(below -> reconcileParents(below, true));
            return accept(outcome, accepted.size());
        });
    }

    @Override
    public BoundaryImportReport deriveLevel(String level, String fromChildLevel, int codePrefixLength) {
        return deriveLevel(level, fromChildLevel, codePrefixLength, currentActor());
    }

    public BoundaryImportReport deriveLevel(String levelKey, String fromChildLevel, int codePrefixLength, String actor) {
        UnitLevel level = requireLevel(levelKey);
        UnitLevel child = requireLevel(fromChildLevel);
        if (child.depth() != level.depth() + 1) {
            throw new GeographyRejection(GeographyRejection.Kind.INVALID, List.of(messages.render(
                    ImportProblem.of("geography.problem.not-directly-below", child.name(), level.name()))));
        }
        Map<String, Geometry> children = repository.boundaries(child.key());
        LevelDerivation.Result derived = new LevelDerivation().derive(children.entrySet().stream()
                .map(e -> new LevelDerivation.Child(e.getKey(), e.getValue())).toList(), codePrefixLength);
        List<ImportProblem> warnings = new ArrayList<>();
        Optional<UnitLevel> above = levelAbove(level);
        List<BoundaryUnit> units = deriveParents(derived.units(), above, warnings);
        String source = messages.render(ImportProblem.of("geography.import.derived-source", child.name(), codePrefixLength));
        ImportOutcome outcome = new ImportOutcome(level, source, actor, children.size(), List.of(), derived.errors(),
                warnings);
        if (!derived.errors().isEmpty()) {
            return reject(outcome);
        }
        return transaction.execute(status -> {
            repository.lockLevels();
            repository.replaceUnits(level.key(), above.map(UnitLevel::key).orElse(null), units, ParentSource.GEOMETRY);
            children.keySet().forEach(code -> repository.setParent(child.key(), code, level.key(),
                    LevelDerivation.prefix(code, codePrefixLength), ParentSource.CODE_PREFIX));
            return accept(outcome, units.size());
        });
    }

    /** Recent imports, newest first, for the staff page. */
    public List<ImportRecord> recentImports(int limit) {
        return repository.recentImports(limit);
    }

    public Map<String, ImportRecord> lastAcceptedImports() {
        return repository.lastAcceptedImports();
    }

    public Map<String, Integer> unitCounts() {
        return repository.unitCounts();
    }

    /** Code to parent code of one level's units, ordered by code. */
    public Map<String, String> parentCodes(String level) {
        return repository.parentCodes(level);
    }

    public List<GeographyRepository.ExportedUnit> export(String level) {
        requireLevel(level);
        return repository.export(level);
    }

    public UnitLevel requireLevel(String key) {
        return level(key).orElseThrow(() -> new GeographyRejection(GeographyRejection.Kind.UNKNOWN_LEVEL,
                List.of(messages.render(ImportProblem.of("geography.problem.unknown-level", String.valueOf(key))))));
    }

    public Optional<UnitLevel> levelAbove(UnitLevel level) {
        return levels().stream().filter(l -> l.depth() == level.depth() - 1).findFirst();
    }

    private Optional<UnitLevel> levelBelow(UnitLevel level) {
        return levels().stream().filter(l -> l.depth() == level.depth() + 1).findFirst();
    }

    private List<BoundaryUnit> checkNamedParents(List<BoundaryUnit> units, UnitLevel level, Optional<UnitLevel> above,
                                                 List<ImportProblem> errors) {
        if (above.isEmpty()) {
            errors.add(ImportProblem.of("geography.problem.top-level-parent", level.name()));
            return units;
        }
        Set<String> parents = repository.parentCodes(above.get().key()).keySet();
        units.stream().filter(u -> !parents.contains(u.parentCode())).forEach(u -> errors.add(
                ImportProblem.of("geography.problem.unknown-parent", u.ref(), u.parentCode(), above.get().name())));
        return units;
    }

    private List<BoundaryUnit> deriveParents(List<BoundaryUnit> units, Optional<UnitLevel> above,
                                             List<ImportProblem> warnings) {
        if (above.isEmpty()) {
            return units;
        }
        Map<String, Geometry> parents = repository.boundaries(above.get().key());
        if (parents.isEmpty()) {
            return units;
        }
        ParentMatcher matcher = new ParentMatcher(parents);
        List<BoundaryUnit> placed = new ArrayList<>();
        for (BoundaryUnit unit : units) {
            Optional<String> parent = matcher.parentOf(unit.boundary());
            if (parent.isEmpty()) {
                warnings.add(ImportProblem.of("geography.problem.no-parent", unit.code(), above.get().name()));
            }
            placed.add(unit.withParent(parent.orElse(null)));
        }
        return placed;
    }

    /**
     * Points the level's units at the level above. Parents named by a file or a code prefix stay while that unit still
     * exists; others are found from geometry again when {@code recomputeGeometric} or when they no longer fit.
     */
    private void reconcileParents(UnitLevel level, boolean recomputeGeometric) {
        Optional<UnitLevel> above = levelAbove(level);
        String aboveKey = above.map(UnitLevel::key).orElse(null);
        Set<String> parentCodes = above.map(a -> repository.parentCodes(a.key()).keySet()).orElse(Set.of());
        ParentMatcher matcher = null;
        for (ParentLink link : repository.parentLinks(level.key())) {
            boolean fits = link.parentCode() != null && link.parentLevel().equals(aboveKey)
                    && parentCodes.contains(link.parentCode());
            boolean keep = fits && !(recomputeGeometric && link.source() == ParentSource.GEOMETRY);
            if (keep || (link.parentCode() == null && parentCodes.isEmpty())) {
                continue;
            }
            if (matcher == null) {
                matcher = new ParentMatcher(above.isEmpty() ? Map.of() : repository.boundaries(aboveKey));
            }
            String parent = matcher.parentOf(link.boundary()).orElse(null);
            repository.setParent(level.key(), link.code(), aboveKey, parent, ParentSource.GEOMETRY);
        }
    }

    /** What one import run found, before it is accepted or rejected. */
    private record ImportOutcome(UnitLevel level, String source, String actor, int featureCount,
                                 List<String> multiPartUnits, List<ImportProblem> errors,
                                 List<ImportProblem> warnings) {

        ImportRecord record(boolean accepted, int unitCount) {
            return new ImportRecord(level.key(), source, actor, null, accepted, featureCount, unitCount, errors.size(),
                    warnings.size());
        }
    }

    private BoundaryImportReport reject(ImportOutcome outcome) {
        // the audit of a refused file is its own small transaction: nothing else was written
        transaction.executeWithoutResult(status -> repository.recordImport(outcome.record(false, 0)));
        return new BoundaryImportReport(false, outcome.featureCount(), 0, outcome.multiPartUnits(),
                messages.render(outcome.errors()), messages.render(outcome.warnings()));
    }

    /** Runs inside the replacing transaction, so the audit and the event commit with the units or not at all. */
    private BoundaryImportReport accept(ImportOutcome outcome, int unitCount) {
        repository.recordImport(outcome.record(true, unitCount));
        events.publishEvent(new BoundariesChanged(outcome.level().key(), unitCount));
        return new BoundaryImportReport(true, outcome.featureCount(), unitCount, outcome.multiPartUnits(), List.of(),
                messages.render(outcome.warnings()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The signed-in user, or "system" for the demo loader and other callers without one. */
    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? "system" : authentication.getName();
    }
}
