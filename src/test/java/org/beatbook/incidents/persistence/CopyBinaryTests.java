package org.beatbook.incidents.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** PostgreSQL's binary COPY format, checked byte by byte and by PostgreSQL itself reading it back. */
@SpringBootTest
class CopyBinaryTests {

    @Autowired
    DataSource dataSource;

    @Test
    void aRowIsItsFieldCountThenEachFieldsLengthAndBytes() {
        byte[] row = new CopyBinary().bigint(42).text(null).text("é").flag(true).integer(-2).endRow().take();
        assertThat(HexFormat.of().formatHex(row)).isEqualTo("0005" + "00000008000000000000002a" + "ffffffff"
                + "00000002c3a9" + "0000000101" + "00000004fffffffe");
    }

    @Test
    void aLabelIsWrittenAsTextAndTheFirstBigintCanBeReplaced() {
        String level = "district";
        CopyBinary out = new CopyBinary();
        out.bigint(7).label(level).endRow();
        int second = out.length();
        out.bigint(8).label(level).label(null).text(level).endRow();
        byte[] rows = out.take();
        CopyBinary.setFirstBigint(rows, second, 0x0102030405060708L);
        assertThat(HexFormat.of().formatHex(rows)).isEqualTo("0002" + "000000080000000000000007" + "00000008"
                + HexFormat.of().formatHex(level.getBytes()) + "0004" + "000000080102030405060708" + "00000008"
                + HexFormat.of().formatHex(level.getBytes()) + "ffffffff" + "00000008"
                + HexFormat.of().formatHex(level.getBytes()));
    }

    @Test
    void postgresqlReadsBackEveryValueAsWritten() throws Exception {
        List<Object[]> values = List.of(
                new Object[] {"tab\there, new\nline, back\\slash \"quoted\" {braces}, ünïcödé", 1.5,
                        LocalDate.of(2015, 2, 8), Instant.parse("2015-02-08T23:05:09.123456Z"),
                        true, 7},
                new Object[] {null, Double.NaN, LocalDate.of(1900, 3, 1), Instant.parse("1969-12-31T23:59:59.999999Z"),
                        false, 0},
                new Object[] {"", -87.123456789, LocalDate.of(9999, 12, 31), Instant.parse("0999-10-01T00:00:00Z"),
                        false, Integer.MAX_VALUE});
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(CopyBinary.HEADER);
        CopyBinary rows = new CopyBinary();
        for (Object[] v : values) {
            rows.text((String) v[0]).float8((Double) v[1]).date((LocalDate) v[2]).instant((Instant) v[3])
                    .flag((Boolean) v[4]).integer((Integer) v[5]).endRow();
        }
        stream.write(rows.take());
        stream.write(CopyBinary.TRAILER);

        List<Object[]> read = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMPORARY TABLE copy_check (k serial, t text, f double precision, d date, "
                    + "i timestamptz, b boolean, n integer) ON COMMIT DROP");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copy_check (t, f, d, i, b, n) FROM STDIN "
                    + "(FORMAT binary)", new ByteArrayInputStream(stream.toByteArray()));
            try (ResultSet r = s.executeQuery("SELECT t, f, d, i, b, n FROM copy_check ORDER BY k")) {
                while (r.next()) {
                    read.add(new Object[] {r.getString(1), r.getObject(2) == null ? Double.NaN : r.getDouble(2),
                            r.getObject(3, LocalDate.class), r.getObject(4, OffsetDateTime.class).toInstant(),
                            r.getBoolean(5), r.getInt(6)});
                }
            }
            c.rollback();
            c.setAutoCommit(true);
        }
        assertThat(read).hasSize(values.size());
        for (int k = 0; k < values.size(); k++) {
            assertThat(read.get(k)).as("row %d", k).containsExactly(values.get(k));
        }
    }
}
