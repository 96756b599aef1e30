package org.beatbook.geocoding.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beatbook.geocoding.domain.BlockFit;
import org.beatbook.geocoding.domain.GeoPoint;
import org.beatbook.geocoding.domain.KnownAddressPoint;
import org.beatbook.geocoding.domain.KnownBlock;
import org.beatbook.geocoding.domain.SightingBatch.BlockKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gazetteer's blocks and address points in PostgreSQL. Reads use {@link JdbcClient}; the bulk writes of an
 * import are JDBC batches (thousands of rows), in the caller's transaction.
 */
@Repository
public class GazetteerRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    GazetteerRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    public List<KnownBlock> blocks() {
        return jdbc.sql("""
                        select street, block_number, sightings, centroid_lat, centroid_lon, m_lat_lat, m_lon_lon,
                               m_lat_lon, end1_lat, end1_lon, end2_lat, end2_lon
                        from geocoding_block order by street, block_number""")
                .query((rs, n) -> new KnownBlock(rs.getString("street"), rs.getInt("block_number"), new BlockFit(
                        rs.getInt("sightings"),
                        new GeoPoint(rs.getDouble("centroid_lat"), rs.getDouble("centroid_lon")),
                        rs.getDouble("m_lat_lat"), rs.getDouble("m_lon_lon"), rs.getDouble("m_lat_lon"),
                        new GeoPoint(rs.getDouble("end1_lat"), rs.getDouble("end1_lon")),
                        new GeoPoint(rs.getDouble("end2_lat"), rs.getDouble("end2_lon")))))
                .list();
    }

    public Map<BlockKey, BlockFit> blockFits() {
        Map<BlockKey, BlockFit> fits = new HashMap<>();
        blocks().forEach(b -> fits.put(new BlockKey(b.street(), b.number()), b.fit()));
        return fits;
    }

    public List<KnownAddressPoint> addressPoints() {
        return jdbc.sql("""
                        select street, house_number, latitude, longitude
                        from geocoding_address_point order by street, house_number""")
                .query((rs, n) -> new KnownAddressPoint(rs.getString("street"), rs.getInt("house_number"),
                        new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude"))))
                .list();
    }

    public Set<String> addressPointKeys() {
        return new HashSet<>(jdbc.sql("select street || '|' || house_number from geocoding_address_point")
                .query(String.class).list());
    }

    /** Inserts or replaces the blocks' fits. */
    public void saveBlocks(List<KnownBlock> blocks) {
        batches.batchUpdate("""
                        insert into geocoding_block (street, block_number, sightings, centroid_lat, centroid_lon,
                            m_lat_lat, m_lon_lon, m_lat_lon, end1_lat, end1_lon, end2_lat, end2_lon)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (street, block_number) do update set sightings = excluded.sightings,
                            centroid_lat = excluded.centroid_lat, centroid_lon = excluded.centroid_lon,
                            m_lat_lat = excluded.m_lat_lat, m_lon_lon = excluded.m_lon_lon,
                            m_lat_lon = excluded.m_lat_lon, end1_lat = excluded.end1_lat,
                            end1_lon = excluded.end1_lon, end2_lat = excluded.end2_lat, end2_lon = excluded.end2_lon""",
                blocks.stream().map(b -> {
                    BlockFit f = b.fit();
                    return new Object[] {b.street(), b.number(), f.sightings(), f.centroid().latitude(),
                            f.centroid().longitude(), f.latLat(), f.lonLon(), f.latLon(), f.end1().latitude(),
                            f.end1().longitude(), f.end2().latitude(), f.end2().longitude()};
                }).toList());
    }

    /** Inserts the points, or moves known ones to the newer position. */
    public void saveAddressPoints(List<KnownAddressPoint> points) {
        batches.batchUpdate("""
                        insert into geocoding_address_point (street, house_number, latitude, longitude)
                        values (?, ?, ?, ?)
                        on conflict (street, house_number) do update
                            set latitude = excluded.latitude, longitude = excluded.longitude""",
                points.stream().map(p -> new Object[] {p.street(), p.number(), p.location().latitude(),
                        p.location().longitude()}).toList());
    }
}
