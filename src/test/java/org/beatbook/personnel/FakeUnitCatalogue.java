package org.beatbook.personnel;

import java.util.List;
import java.util.Optional;

import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitLevel;
import org.beatbook.geography.UnitRef;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A few real Chicago units (district 7, sector 071, beats 0711..0715) standing in for the geography module in
 * personnel and security tests. Primary so the tests keep using it once the real catalogue is in the build.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeUnitCatalogue {

    static final UnitLevel DISTRICT = new UnitLevel("district", "District", "Districts", 0);
    static final UnitLevel SECTOR = new UnitLevel("sector", "Sector", "Sectors", 1);
    static final UnitLevel BEAT = new UnitLevel("beat", "Beat", "Beats", 2);

    @Bean
    @Primary
    UnitCatalogue fakeUnitCatalogue() {
        return new Catalogue();
    }

    static final class Catalogue implements UnitCatalogue {

        private static final List<UnitRef> UNITS = List.of(
                new UnitRef("district", "District", "7", "Englewood"),
                new UnitRef("sector", "Sector", "071", "071"),
                new UnitRef("beat", "Beat", "0711", "0711"),
                new UnitRef("beat", "Beat", "0712", "0712"),
                new UnitRef("beat", "Beat", "0713", "0713"),
                new UnitRef("beat", "Beat", "0714", "0714"),
                new UnitRef("beat", "Beat", "0715", "0715"));

        @Override
        public List<UnitLevel> levels() {
            return List.of(DISTRICT, SECTOR, BEAT);
        }

        @Override
        public Optional<UnitLevel> level(String key) {
            return levels().stream().filter(l -> l.key().equals(key)).findFirst();
        }

        @Override
        public List<UnitRef> units(String levelKey) {
            return UNITS.stream().filter(u -> u.level().equals(levelKey)).toList();
        }

        @Override
        public Optional<UnitRef> unit(UnitKey key) {
            return UNITS.stream().filter(u -> u.key().equals(key)).findFirst();
        }

        /** Every fake unit lies in district 7 and sector 071, so a chain is the top levels down to the unit. */
        @Override
        public List<UnitRef> chain(UnitKey key) {
            return unit(key).map(u -> UNITS.stream()
                    .filter(c -> c.equals(u) || depth(c) < depth(u) && !c.level().equals("beat"))
                    .toList()).orElse(List.of());
        }

        @Override
        public List<UnitRef> children(UnitKey key) {
            return switch (key.level()) {
                case "district" -> units("sector");
                case "sector" -> units("beat");
                default -> List.of();
            };
        }

        private int depth(UnitRef unit) {
            return level(unit.level()).orElseThrow().depth();
        }
    }
}
