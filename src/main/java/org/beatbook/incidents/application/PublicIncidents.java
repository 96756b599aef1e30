package org.beatbook.incidents.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.beatbook.geocoding.AddressGeocoder;
import org.beatbook.geocoding.GeocodedAddress;
import org.beatbook.geocoding.Precision;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitLevel;
import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.Interval;
import org.beatbook.incidents.SeriesPoint;
import org.beatbook.incidents.TrendFilter;
import org.beatbook.incidents.domain.HundredBlock;
import org.beatbook.incidents.domain.PrivacyPolicy;
import org.beatbook.incidents.persistence.TrendQueries;
import org.beatbook.incidents.persistence.TrendQueries.Sensitivity;
import org.springframework.stereotype.Service;

/**
 * Everything the public sees, through the one {@link PrivacyPolicy}: the public pages, the public API and their
 * CSV exports all call this and nothing else.
 */
@Service
public class PublicIncidents {

    /** Counts of one category in the window and in the window before it. */
    public record CategoryTrend(IncidentCategory category, long current, long previous) {
    }

    /**
     * @param sensitive the sensitive offenses' count in the window, null when suppressed (fewer than the minimum)
     * @param sensitiveShown false below the top level, where sensitive offenses are never counted
     */
    public record Trends(LocalDate from, LocalDate to, int windowDays, List<CategoryTrend> categories,
                         boolean sensitiveShown, Long sensitive, int minimumCount, List<SeriesPoint> weekly) {

        public long total() {
            return categories.stream().mapToLong(CategoryTrend::current).sum();
        }
    }

    /** A generalised incident: hundred block, moved point, day, category and offense; nothing internal. */
    public record Point(double latitude, double longitude, LocalDate date, IncidentCategory category, String offense,
                       String block) {
    }

    /** At most this many points per answer, newest first. */
    public static final int MAX_POINTS = 20_000;

    private final TrendQueries queries;
    private final PrivacyPolicy policy;
    private final UnitCatalogue catalogue;
    private final AddressGeocoder geocoder;
    private final Map<String, Optional<double[]>> blockLines = new ConcurrentHashMap<>();

    PublicIncidents(TrendQueries queries, PrivacyPolicy policy, UnitCatalogue catalogue, AddressGeocoder geocoder) {
        this.queries = queries;
        this.policy = policy;
        this.catalogue = catalogue;
        this.geocoder = geocoder;
    }

    public PrivacyPolicy policy() {
        return policy;
    }

    /** The public window: the last {@code windowDays} days up to the latest imported day. */
    public Optional<TrendFilter> window() {
        return queries.latestDay().map(last -> TrendFilter.between(last.minusDays(policy.windowDays() - 1L), last));
    }

    public Optional<Trends> trends(UnitKey unit) {
        return window().map(window -> {
            String level = unit == null ? null : unit.level();
            String code = unit == null ? null : unit.code();
            TrendFilter before = window.withDates(window.from().minusDays(policy.windowDays()), window.from().minusDays(1));
            Map<IncidentCategory, Long> now = queries.byCategory(level, code, window, Sensitivity.NOT_SENSITIVE,
                    policy.sensitiveOffenses());
            Map<IncidentCategory, Long> then = queries.byCategory(level, code, before, Sensitivity.NOT_SENSITIVE,
                    policy.sensitiveOffenses());
            List<CategoryTrend> categories = new ArrayList<>();
            for (IncidentCategory c : IncidentCategory.values()) {
                long current = now.getOrDefault(c, 0L);
                long previous = then.getOrDefault(c, 0L);
                if (current > 0 || previous > 0) {
                    categories.add(new CategoryTrend(c, current, previous));
                }
            }
            boolean topLevel = unit == null || catalogue.level(unit.level()).map(UnitLevel::depth).orElse(1) == 0;
            Long sensitive = null;
            if (topLevel) {
                long count = queries.byCategory(level, code, window, Sensitivity.SENSITIVE_ONLY,
                        policy.sensitiveOffenses()).values().stream().mapToLong(Long::longValue).sum();
                sensitive = policy.publicSensitiveCount(count);
            }
            List<SeriesPoint> weekly = queries.series(level, code, Interval.WEEK, window, Sensitivity.NOT_SENSITIVE,
                            policy.sensitiveOffenses()).stream()
                    .map(b -> new SeriesPoint(b.start(), b.category(), b.count())).toList();
            return new Trends(window.from(), window.to(), policy.windowDays(), categories, topLevel, sensitive,
                    policy.minimumCount(), weekly);
        });
    }

    /** Generalised points of non-sensitive incidents, within the public window whatever dates are asked for. */
    public List<Point> points(UnitKey unit, LocalDate from, LocalDate to) {
        Optional<TrendFilter> window = window();
        if (window.isEmpty()) {
            return List.of();
        }
        LocalDate start = from == null || from.isBefore(window.get().from()) ? window.get().from() : from;
        LocalDate end = to == null || to.isAfter(window.get().to()) ? window.get().to() : to;
        if (end.isBefore(start)) {
            return List.of();
        }
        List<Point> points = new ArrayList<>();
        queries.incidents(unit == null ? null : unit.level() + ":" + unit.code(), window.get().withDates(start, end),
                Sensitivity.NOT_SENSITIVE, policy.sensitiveOffenses(), MAX_POINTS, row -> {
                    String block = policy.block(row.address());
                    if (row.latitude() == null || row.sensitive()) {
                        return;
                    }
                    double[] at = policy.publicPoint(row.source() + ":" + row.sourceId(), block, row.latitude(),
                            row.longitude(), block == null ? null : blockLine(block).orElse(null));
                    points.add(new Point(at[0], at[1], row.day(),
                            IncidentCategory.of(row.category()).orElse(IncidentCategory.OTHER), row.offense(), block));
                });
        return points;
    }

    /** Where the block runs, from the gazetteer: its first and last house numbers geocoded. */
    private Optional<double[]> blockLine(String block) {
        if (blockLines.size() > 100_000) {
            blockLines.clear();
        }
        return blockLines.computeIfAbsent(block, b -> {
            int first = HundredBlock.firstNumber(b);
            if (first < 0) {
                return Optional.empty();
            }
            String street = HundredBlock.street(b);
            Optional<GeocodedAddress> start = precise(first + " " + street);
            Optional<GeocodedAddress> end = precise((first + 99) + " " + street);
            if (start.isEmpty() || end.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new double[] {start.get().latitude(), start.get().longitude(), end.get().latitude(),
                    end.get().longitude()});
        });
    }

    private Optional<GeocodedAddress> precise(String address) {
        return geocoder.geocode(address).match()
                .filter(m -> m.precision() == Precision.ADDRESS_POINT || m.precision() == Precision.INTERPOLATED);
    }
}
