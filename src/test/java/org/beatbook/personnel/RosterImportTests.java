package org.beatbook.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.beatbook.platform.ConsoleCommand;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PersonnelIntegrationTest
class RosterImportTests {

    static final String HEADER = "badge,given_name,family_name,rank,email,phone,public_email,public_phone,languages,"
            + "sworn,active,role,unit_level,unit_code,start_date,end_date,demo\n";
    static final String GOOD = HEADER
            + "R-1001,Maria,Lopez,officer,maria.lopez@example.org,312-555-0101,yes,no,en es,yes,yes,beat-officer,beat,0711,2024-01-01,,yes\n"
            + "R-1001,Maria,Lopez,officer,maria.lopez@example.org,312-555-0101,yes,no,en es,yes,yes,district-officer,district,7,2024-01-01,,yes\n"
            + "R-1002,Tom,Walsh,sergeant,,,no,no,en,yes,yes,beat-officer,beat,0712,2024-03-01,2024-12-31,yes\n"
            + "R-1003,Ann,Kowalski,civilian,,,,,pl en,no,yes,neighborhood-services-coordinator,district,7,2025-01-01,,yes\n";

    @Autowired
    RosterAdministration roster;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<ConsoleCommand> commands;

    int members(String badgePrefix) {
        return jdbc.sql("select count(*) from personnel_member where badge like ?").param(badgePrefix + "%")
                .query(Integer.class).single();
    }

    int assignments(String badgePrefix) {
        return jdbc.sql("select count(*) from personnel_assignment a join personnel_member m on m.id = a.member_id "
                + "where m.badge like ?").param(badgePrefix + "%").query(Integer.class).single();
    }

    @Test
    void importsAGoodFileAndReimportingItChangesNothing() {
        RosterImportReport first = roster.importRoster(new StringReader(GOOD));
        assertThat(first.errors()).isEmpty();
        assertThat(first.members()).isEqualTo(3);
        assertThat(first.assignments()).isEqualTo(4);
        assertThat(members("R-")).isEqualTo(3);
        assertThat(assignments("R-")).isEqualTo(4);
        assertThat(jdbc.sql("select languages || '/' || public_email || '/' || public_phone || '/' || demo "
                + "from personnel_member where badge = 'R-1001'").query(String.class).single())
                .isEqualTo("en,es/true/false/true");

        RosterImportReport again = roster.importRoster(new StringReader(GOOD));
        assertThat(again.errors()).isEmpty();
        assertThat(again.members()).isZero();
        assertThat(again.assignments()).isZero();
        assertThat(assignments("R-")).isEqualTo(4);

        // The roster later ends Maria's beat assignment and moves Tom's rank: the same rows are updated, not duplicated.
        RosterImportReport update = roster.importRoster(new StringReader(GOOD
                .replace("beat-officer,beat,0711,2024-01-01,,yes", "beat-officer,beat,0711,2024-01-01,2025-01-31,yes")
                .replace("R-1002,Tom,Walsh,sergeant", "R-1002,Tom,Walsh,lieutenant")));
        assertThat(update.errors()).isEmpty();
        assertThat(update.members()).isEqualTo(1);
        assertThat(update.assignments()).isEqualTo(1);
        assertThat(assignments("R-")).isEqualTo(4);
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAtAll() {
        String file = HEADER
                + "B-2001,Ada,North,officer,,,,,,,,beat-officer,beat,0713,2024-01-01,,yes\n"
                + "B-2002,Ben,South,officer,,,,,,,,beat-officer,beat,0799,2024-01-01,,yes\n"
                + "B-2003,Cleo,East,officer,,,,,,,,beat-officer,beat,0714,2024-01-01,,yes\n";
        RosterImportReport report = roster.importRoster(new StringReader(file));
        assertThat(report.accepted()).isFalse();
        assertThat(report.errors()).containsExactly("Line 3, column unit_code: There is no beat “0799”.");
        assertThat(report.members()).isZero();
        assertThat(members("B-")).isZero();
        assertThat(assignments("B-")).isZero();
    }

    @Test
    void aNulByteInACellRejectsTheFileNamingLineAndColumn() {
        String file = HEADER
                + "N-5001,Ada,North,officer,,,,,,,,beat-officer,beat,0713,2024-01-01,,yes\n"
                + "N-5002,B\u0000en,South,officer,,,,,,,,beat-officer,beat,0714,2024-01-01,,yes\n";
        RosterImportReport report = roster.importRoster(new StringReader(file));
        assertThat(report.accepted()).isFalse();
        assertThat(report.errors()).containsExactly(
                "Line 3, column given_name: The value contains a NUL byte (0x00), which a text value cannot hold.");
        assertThat(members("N-")).isZero();
        assertThat(assignments("N-")).isZero();
    }

    @Test
    void theConsoleCommandImportsAFileAndReportsRejectionsWithExitCode1(@TempDir Path dir) throws Exception {
        ConsoleCommand command = commands.stream().filter(c -> c.name().equals(List.of("import", "roster")))
                .findFirst().orElseThrow();
        Path good = Files.writeString(dir.resolve("good.csv"),
                HEADER + "C-4001,Eli,Moss,officer,,,,,,,,beat-officer,beat,0711,2024-02-01,,yes\n");
        Path bad = Files.writeString(dir.resolve("bad.csv"),
                HEADER + "C-4002,Fay,Moss,officer,,,,,,,,beat-officer,beat,0711,2024-02-30,,yes\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(command.run(List.of(good.toString()), new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString()).contains("1 member(s) created or updated, 1 assignment(s)");
        assertThat(command.run(List.of(bad.toString()), new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString()).contains("Line 2, column start_date: “2024-02-30” is not a date");
        assertThat(command.run(List.of(), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(members("C-")).isEqualTo(1);
    }

    @Test
    void aRowOverlappingAStoredAssignmentIsRejected() {
        String first = HEADER + "O-3001,Dee,West,officer,,,,,,,,beat-officer,beat,0715,2024-01-01,,yes\n";
        assertThat(roster.importRoster(new StringReader(first)).errors()).isEmpty();
        RosterImportReport overlapping = roster.importRoster(new StringReader(
                HEADER + "O-3001,Dee,West,officer,,,,,,,,beat-officer,beat,0715,2024-06-01,,yes\n"));
        assertThat(overlapping.errors()).singleElement().asString()
                .startsWith("Line 2, column start_date: The member already has the role beat-officer in beat 0715");
        assertThat(assignments("O-")).isEqualTo(1);
    }
}
