package org.beatbook.geocoding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressNormalizerTests {

    private final AddressNormalizer normalizer = AddressNormalizer.standard();

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            1340 South Sawyer Avenue                  | 1340 S SAWYER AVE
            1340 s sawyer av                          | 1340 S SAWYER AVE
            1340 S. SAWYER AVE.                       | 1340 S SAWYER AVE
            '  1340   s    sawyer   aven  '           | 1340 S SAWYER AVE
            1340 S SAWYER AVNUE                       | 1340 S SAWYER AVE
            1340 S Sawyer Ave Apt 3B                  | 1340 S SAWYER AVE
            1340 S Sawyer Ave #2                      | 1340 S SAWYER AVE
            1340 S Sawyer Ave # 2                     | 1340 S SAWYER AVE
            1340 S Sawyer Ave Unit 5                  | 1340 S SAWYER AVE
            1340 S Sawyer Ave Ste 100                 | 1340 S SAWYER AVE
            1340 S Sawyer Ave 2nd Floor               | 1340 S SAWYER AVE
            1340 S Sawyer Ave Rear                    | 1340 S SAWYER AVE
            '1340 S Sawyer Ave, Apt 3, Chicago, IL 60623' | 1340 S SAWYER AVE
            '1340 S Sawyer Ave, Chicago, IL 60623-1234'   | 1340 S SAWYER AVE
            1340 S Sawyer Ave IL 60623                | 1340 S SAWYER AVE
            'Apt 3, 1340 S Sawyer Ave'                | 1340 S SAWYER AVE
            1340A S Sawyer Ave                        | 1340 S SAWYER AVE
            1340-1342 S Sawyer Ave                    | 1340 S SAWYER AVE
            1340 1/2 S Sawyer Ave                     | 1340 S SAWYER AVE
            013XX S SAWYER AVE                        | 13XX S SAWYER AVE
            0000X W HURON ST                          | 0XX W HURON ST
            6400 W 59th st                            | 6400 W 59TH ST
            100 West 59 Street                        | 100 W 59TH ST
            100 E First St                            | 100 E 1ST ST
            100 W 111 St                              | 100 W 111TH ST
            100 W 22 Pl                               | 100 W 22ND PL
            1600 W North Avenue                       | 1600 W NORTH AVE
            1600 North Ave                            | 1600 NORTH AVE
            3000 S Avenue O                           | 3000 S AVENUE O
            7100 South Shore Drive                    | 7100 S SHORE DR
            100 N Lake Shore Drive                    | 100 N LAKE SHORE DR
            1 N Broadway                              | 1 N BROADWAY
            200 Main Street Northwest                 | 200 MAIN ST NW
            4000 N Saint Louis Ave                    | 4000 N ST LOUIS AVE
            5000 S Dr Martin Luther King Jr Drive     | 5000 S DR MARTIN LUTHER KING JR DR
            100 Winston-Salem Blvd                    | 100 WINSTON SALEM BLVD
            Avenida Sawyer Sur 1340                   | 1340 SAWYER AVE S
            2500 Calle 26                             | 2500 26TH ST
            100 Peña Blvd                             | 100 PENA BLVD
            100 W O'Brien St                          | 100 W OBRIEN ST
            100 N Main Expressway                     | 100 N MAIN EXPY
            100 N Main Pkwy                           | 100 N MAIN PKWY
            100 N Main Parkway                        | 100 N MAIN PKWY
            100 N Main Terrace                        | 100 N MAIN TER
            100 N Main Circle                         | 100 N MAIN CIR
            100 N Main Square                         | 100 N MAIN SQ
            100 N Main Trail                          | 100 N MAIN TRL
            100 N Main Highway                        | 100 N MAIN HWY
            100 N Main Court                          | 100 N MAIN CT
            100 N Main Lane                           | 100 N MAIN LN
            100 N Main Place                          | 100 N MAIN PL
            100 N Main Road                           | 100 N MAIN RD
            100 N Main Boulevard                      | 100 N MAIN BLVD
            100 N Main Str                            | 100 N MAIN ST
            100 N Main Way                            | 100 N MAIN WAY
            S Sawyer Ave                              | S SAWYER AVE
            sawyer                                    | SAWYER
            """)
    void normalises(String typed, String normalised) {
        assertThat(normalizer.parse(typed).text()).isEqualTo(normalised);
    }

    @Test
    void readsChicagoHundredBlocksAsTheBlockNumber() {
        ParsedAddress block = normalizer.parse("013XX S SAWYER AVE");
        assertThat(block.hundredBlock()).isEqualTo(1300);
        assertThat(block.houseNumber()).isNull();
        assertThat(block.street()).isEqualTo(new StreetName("S", "SAWYER", "AVE", null));
        assertThat(normalizer.parse("0000X W HURON ST").hundredBlock()).isZero();
    }

    @Test
    void splitsTheStreetIntoItsParts() {
        assertThat(normalizer.parse("1340 South Sawyer Avenue").street())
                .isEqualTo(new StreetName("S", "SAWYER", "AVE", null));
        assertThat(normalizer.parse("1340 South Sawyer Avenue").houseNumber()).isEqualTo(1340);
        // NORTH is the name here, not a directional
        assertThat(normalizer.street("W NORTH AVE")).isEqualTo(new StreetName("W", "NORTH", "AVE", null));
        // AVENUE is part of the name when nothing follows it as a suffix
        assertThat(normalizer.street("S AVENUE O")).isEqualTo(new StreetName("S", "AVENUE O", null, null));
    }

    @Test
    void normalisedStreetsStayTheSame() {
        for (String street : new String[] {"S SAWYER AVE", "W NORTH AVE", "S AVENUE O", "N LAKE SHORE DR NB",
                "S DR MARTIN LUTHER KING JR DR", "N BROADWAY", "MAIN ST NW", "E 67TH ST", "S SOUTH SHORE DR"}) {
            assertThat(normalizer.street(street).text()).isEqualTo(street);
        }
    }

    @Test
    void nothingStreetLikeIsEmpty() {
        assertThat(normalizer.parse(null).isEmpty()).isTrue();
        assertThat(normalizer.parse("   ").isEmpty()).isTrue();
        assertThat(normalizer.parse(",,, ...").isEmpty()).isTrue();
        assertThat(normalizer.parse("x".repeat(10_000)).text()).hasSizeLessThanOrEqualTo(200);
    }
}
