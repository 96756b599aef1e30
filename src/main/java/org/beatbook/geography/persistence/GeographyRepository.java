package org.beatbook.geography.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beatbook.geography.LevelDefinition;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitLevel;
import org.beatbook.geography.UnitRef;
import org.beatbook.geography.domain.BoundaryUnit;
import org.beatbook.geography.domain.index.UnitShape;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Levels, units and the import audit in PostgreSQL; boundaries as WKB so no PostGIS is needed. */
@Repository
public class GeographyRepository {

    /** Where a unit's parent came from, kept so a re-import knows which parents it may recompute. */
    public enum ParentSource { FILE, GEOMETRY, CODE_PREFIX }

    /** A unit's link to its parent as stored. */
    public record ParentLink(String code, String parentLevel, String parentCode, ParentSource source, Geometry boundary) {
    }

    public record ExportedUnit(String code, String name, String parentCode, Geometry boundary) {
    }

    public record ImportRecord(String level, String source, String importedBy, Instant importedAt, boolean accepted,
                               int featureCount, int unitCount, int errorCount, int warningCount) {
    }

    private static final String UNIT_REF = """
            select u.level_key, l.name as level_name, u.code, u.name
            from geo_unit u join geo_level l on l.level_key = u.level_key
            """;

    private final JdbcClient jdbc;

    GeographyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // levels

    public List<UnitLevel> levels() {
        return jdbc.sql("select level_key, name, plural_name, depth from geo_level order by depth")
                .query((rs, n) -> new UnitLevel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** Takes the levels' lock: imports and hierarchy changes run one at a time. */
    public void lockLevels() {
        jdbc.sql("lock table geo_level in share row exclusive mode").update();
    }

    public void saveLevels(List<LevelDefinition> topDown) {
        for (int depth = 0; depth < topDown.size(); depth++) {
            LevelDefinition level = topDown.get(depth);
            jdbc.sql("""
                    insert into geo_level (level_key, name, plural_name, depth) values (:key, :name, :plural, :depth)
                    on conflict (level_key) do update set name = excluded.name, plural_name = excluded.plural_name,
                        depth = excluded.depth
                    """)
                    .param("key", level.key()).param("name", level.name().strip())
                    .param("plural", level.pluralName().strip()).param("depth", depth)
                    .update();
        }
    }

    public void deleteLevel(String key) {
        jdbc.sql("delete from geo_level where level_key = :key").param("key", key).update();
    }

    public Map<String, Integer> unitCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select level_key, count(*) from geo_unit group by level_key")
                .query((ResultSet rs) -> {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getInt(2));
                    }
                    return counts;
                });
        return counts;
    }

    // units as other modules see them

    public List<UnitRef> units(String level) {
        return jdbc.sql(UNIT_REF + " where u.level_key = :level order by u.code")
                .param("level", level).query(GeographyRepository::unitRef).list();
    }

    public Optional<UnitRef> unit(UnitKey key) {
        return jdbc.sql(UNIT_REF + " where u.level_key = :level and u.code = :code")
                .param("level", key.level()).param("code", key.code()).query(GeographyRepository::unitRef).optional();
    }

    public Optional<UnitKey> parent(UnitKey key) {
        return jdbc.sql("""
                select parent_level, parent_code from geo_unit
                where level_key = :level and code = :code and parent_code is not null
                """)
                .param("level", key.level()).param("code", key.code())
                .query((rs, n) -> new UnitKey(rs.getString(1), rs.getString(2))).optional();
    }

    public List<UnitRef> children(UnitKey key) {
        return jdbc.sql(UNIT_REF + " where u.parent_level = :level and u.parent_code = :code order by u.code")
                .param("level", key.level()).param("code", key.code()).query(GeographyRepository::unitRef).list();
    }

    /** Code to parent code (null when none), ordered by code, for the staff listing. */
    public Map<String, String> parentCodes(String level) {
        Map<String, String> parents = new LinkedHashMap<>();
        jdbc.sql("select code, parent_code from geo_unit where level_key = :level order by code")
                .param("level", level)
                .query((ResultSet rs) -> {
                    while (rs.next()) {
                        parents.put(rs.getString(1), rs.getString(2));
                    }
                    return parents;
                });
        return parents;
    }

    private static UnitRef unitRef(ResultSet rs, int row) throws SQLException {
        return new UnitRef(rs.getString("level_key"), rs.getString("level_name"), rs.getString("code"), rs.getString("name"));
    }

    // boundaries

    public Map<String, Geometry> boundaries(String level) {
        Map<String, Geometry> boundaries = new LinkedHashMap<>();
        WKBReader reader = new WKBReader();
        jdbc.sql("select code, boundary from geo_unit where level_key = :level order by code")
                .param("level", level)
                .query((ResultSet rs) -> {
                    while (rs.next()) {
                        boundaries.put(rs.getString(1), geometry(reader, rs.getBytes(2)));
                    }
                    return boundaries;
                });
        return boundaries;
    }

    public List<ExportedUnit> export(String level) {
        WKBReader reader = new WKBReader();
        return jdbc.sql("select code, name, parent_code, boundary from geo_unit where level_key = :level order by code")
                .param("level", level)
                .query((rs, n) -> new ExportedUnit(rs.getString(1), rs.getString(2), rs.getString(3),
                        geometry(reader, rs.getBytes(4))))
                .list();
    }

    /** Every unit of every level with its boundary, for the point-lookup index. */
    public List<UnitShape> shapes() {
        WKBReader reader = new WKBReader();
        return jdbc.sql(UNIT_REF.replace("u.name", "u.name, l.depth, u.boundary"))
                .query((rs, n) -> new UnitShape(unitRef(rs, n), rs.getInt("depth"), geometry(reader, rs.getBytes("boundary"))))
                .list();
    }

    public List<ParentLink> parentLinks(String level) {
        WKBReader reader = new WKBReader();
        return jdbc.sql("select code, parent_level, parent_code, parent_source, boundary from geo_unit where level_key = :level")
                .param("level", level)
                .query((rs, n) -> new ParentLink(rs.getString(1), rs.getString(2), rs.getString(3),
                        source(rs.getString(4)), geometry(reader, rs.getBytes(5))))
                .list();
    }

    /** Inserts or updates units by code (their identity), then removes the level's units that are not among them. */
    public void replaceUnits(String level, String parentLevel, List<BoundaryUnit> units, ParentSource source) {
        WKBWriter writer = new WKBWriter();
        for (BoundaryUnit unit : units) {
            Envelope e = unit.boundary().getEnvelopeInternal();
            jdbc.sql("""
                    insert into geo_unit (level_key, code, name, parent_level, parent_code, parent_source, part_count,
                                          boundary, min_lon, min_lat, max_lon, max_lat, updated_at)
                    values (:level, :code, :name, :parentLevel, :parentCode, :source, :parts,
                            :boundary, :minLon, :minLat, :maxLon, :maxLat, now())
                    on conflict (level_key, code) do update set name = excluded.name,
                        parent_level = excluded.parent_level, parent_code = excluded.parent_code,
                        parent_source = excluded.parent_source, part_count = excluded.part_count,
                        boundary = excluded.boundary, min_lon = excluded.min_lon, min_lat = excluded.min_lat,
                        max_lon = excluded.max_lon, max_lat = excluded.max_lat, updated_at = excluded.updated_at
                    """)
                    .param("level", level).param("code", unit.code()).param("name", unit.name())
                    .param("parentLevel", unit.parentCode() == null ? null : parentLevel)
                    .param("parentCode", unit.parentCode())
                    .param("source", unit.parentCode() == null ? null : code(source))
                    .param("parts", unit.partCount()).param("boundary", writer.write(unit.boundary()))
                    .param("minLon", e.getMinX()).param("minLat", e.getMinY())
                    .param("maxLon", e.getMaxX()).param("maxLat", e.getMaxY())
                    .update();
        }
        List<String> codes = units.stream().map(BoundaryUnit::code).toList();
        jdbc.sql("delete from geo_unit where level_key = :level and not (code = any (:codes))")
                .param("level", level).param("codes", codes.toArray(String[]::new)).update();
    }

    public void setParent(String level, String code, String parentLevel, String parentCode, ParentSource source) {
        jdbc.sql("""
                update geo_unit set parent_level = :parentLevel, parent_code = :parentCode, parent_source = :source
                where level_key = :level and code = :code
                """)
                .param("level", level).param("code", code)
                .param("parentLevel", parentCode == null ? null : parentLevel).param("parentCode", parentCode)
                .param("source", parentCode == null ? null : code(source))
                .update();
    }

    // audit

    public void recordImport(ImportRecord record) {
        jdbc.sql("""
                insert into geo_import (level_key, source, imported_by, imported_at, accepted, feature_count,
                                        unit_count, error_count, warning_count)
                values (:level, :source, :by, now(), :accepted, :features, :units, :errors, :warnings)
                """)
                .param("level", record.level()).param("source", truncate(record.source(), 300))
                .param("by", truncate(record.importedBy(), 200)).param("accepted", record.accepted())
                .param("features", record.featureCount()).param("units", record.unitCount())
                .param("errors", record.errorCount()).param("warnings", record.warningCount())
                .update();
    }

    public List<ImportRecord> recentImports(int limit) {
        return jdbc.sql("""
                select level_key, source, imported_by, imported_at, accepted, feature_count, unit_count, error_count,
                       warning_count
                from geo_import order by imported_at desc, id desc limit :limit
                """)
                .param("limit", limit)
                .query(GeographyRepository::importRecord)
                .list();
    }

    /** The latest accepted import of each level. */
    public Map<String, ImportRecord> lastAcceptedImports() {
        Map<String, ImportRecord> last = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct on (level_key) level_key, source, imported_by, imported_at, accepted, feature_count,
                       unit_count, error_count, warning_count
                from geo_import where accepted order by level_key, imported_at desc, id desc
                """)
                .query(GeographyRepository::importRecord)
                .list().forEach(r -> last.put(r.level(), r));
        return last;
    }

    private static ImportRecord importRecord(ResultSet rs, int row) throws SQLException {
        return new ImportRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBoolean(5), rs.getInt(6), rs.getInt(7),
                rs.getInt(8), rs.getInt(9));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Geometry geometry(WKBReader reader, byte[] wkb) {
        try {
            return reader.read(wkb);
        }
        catch (ParseException e) {
            throw new IllegalStateException("Stored boundary is not valid WKB", e);
        }
    }

    private static String code(ParentSource source) {
        return source.name().substring(0, 1);
    }

    private static ParentSource source(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "F" -> ParentSource.FILE;
            case "C" -> ParentSource.CODE_PREFIX;
            default -> ParentSource.GEOMETRY;
        };
    }
}
