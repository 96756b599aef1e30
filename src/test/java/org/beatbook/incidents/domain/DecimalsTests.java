package org.beatbook.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.beatbook.incidents.ChicagoCrimes;
import org.junit.jupiter.api.Test;

class DecimalsTests {

    @Test
    void everyCoordinateOfTheChicagoFileParsesToTheSameDoubleAsParseDouble() {
        int compared = 0;
        for (var row : ChicagoCrimes.rows()) {
            for (String column : new String[] {"Latitude", "Longitude", "X Coordinate", "Y Coordinate"}) {
                String text = row.get(column);
                if (!text.isEmpty()) {
                    assertThat(Decimals.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(30_000);
    }

    @Test
    void randomDecimalsParseBitForBitAsParseDouble() {
        Random random = new Random(41_8781);
        for (int k = 0; k < 1_000_000; k++) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
            int digits = 1 + random.nextInt(18);
            int point = random.nextInt(digits + 2) - 1;
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    text.append('.');
                }
                text.append((char) ('0' + random.nextInt(10)));
            }
            String value = text.toString();
            assertThat(Double.doubleToRawLongBits(Decimals.parse(value))).as(value)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(value)));
        }
    }

    @Test
    void whatIsNotAPlainDecimalIsLeftToParseDouble() {
        for (String text : new String[] {"-0", "-0.0", ".5", "41.", "+87.6", "1e3", "-1.5E-3", "NaN", "-Infinity",
            "0x1p3", "1.5d", "0.0000000000000001234", "12345678901234567890"}) {
            assertThat(Double.doubleToRawLongBits(Decimals.parse(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        for (String text : new String[] {"", "-", ".", "1.2.3", "41,5", "4 1"}) {
            assertThatThrownBy(() -> Decimals.parse(text)).as(text).isInstanceOf(NumberFormatException.class);
        }
    }
}
