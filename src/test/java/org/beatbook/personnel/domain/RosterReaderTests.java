package org.beatbook.personnel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Set;

import org.beatbook.geography.UnitKey;
import org.junit.jupiter.api.Test;

class RosterReaderTests {

    static final String HEADER = "badge,given_name,family_name,rank,email,phone,public_email,public_phone,languages,"
            + "sworn,active,role,unit_level,unit_code,start_date,end_date,demo\n";
    static final String MARIA = "1001,Maria,Lopez,officer,maria@example.org,312-555-0100,yes,no,en es,true,true,";

    final RosterReader reader = new RosterReader(Set.of("officer", "sergeant"),
            Set.of("beat-officer", "district-officer"), Set.of("district", "beat")::contains,
            Set.of(new UnitKey("beat", "0711"), new UnitKey("beat", "0713"), new UnitKey("district", "7"))::contains);

    Roster read(String rows) {
        return reader.read(new StringReader(HEADER + rows));
    }

    @Test
    void readsMembersOnceAndEveryAssignment() {
        Roster roster = read(MARIA + "beat-officer,beat,0711,2024-01-01,,false\n"
                + MARIA + "district-officer,district,7,2024-01-01,2024-12-31,false\n"
                + "1002,Tom,Walsh,sergeant,,,,,,,,beat-officer,beat,0713,2025-02-01,,true\n");
        assertThat(roster.errors()).isEmpty();
        assertThat(roster.members()).extracting(m -> m.data().badge()).containsExactly("1001", "1002");
        assertThat(roster.members().get(0).data().languages()).containsExactly("en", "es");
        assertThat(roster.members().get(0).data().publicEmail()).isTrue();
        assertThat(roster.members().get(1).data().demo()).isTrue();
        assertThat(roster.assignments()).hasSize(3);
        assertThat(roster.assignments().get(1).end()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void aMemberWithoutAssignmentIsAllowed() {
        Roster roster = read("1003,Ann,Kowalski,officer,,,,,pl,,,,,,,,\n");
        assertThat(roster.errors()).isEmpty();
        assertThat(roster.assignments()).isEmpty();
    }

    @Test
    void reportsEachKindOfErrorWithLineAndColumn() {
        Roster roster = read(
                "1001,Maria,Lopez,captain,maria@example.org,,,,,,,beat-officer,beat,0711,2024-01-01,,\n"  // 2 rank
                        + "1002,Tom,Walsh,officer,tom@,,,,,,,beat-officer,beat,0711,2024-01-01,,\n"         // 3 email
                        + "1003,Ann,Kowalski,officer,,,,,,,,sheriff,beat,0711,2024-01-01,,\n"                // 4 role
                        + "1004,Joe,Smith,officer,,,,,,,,beat-officer,beat,9999,2024-01-01,,\n"              // 5 unit
                        + "1005,Eve,Stone,officer,,,,,,,,beat-officer,zone,1,2024-01-01,,\n"                 // 6 level
                        + "1006,Al,Brown,officer,,,,,,,,beat-officer,beat,0711,01/02/2024,,\n"               // 7 date
                        + "1007,Li,Wong,officer,,,,,,,,beat-officer,beat,0711,2024-05-01,2024-04-30,\n"      // 8 end<start
                        + "1008,Bo,Diaz,officer,,,,,,,,beat-officer,beat,0711,2024-01-01,,\n"
                        + "1008,Bo,Diaz,sergeant,,,,,,,,beat-officer,beat,0713,2024-01-01,,\n"               // 10 conflict
                        + "1009,Cy,Ray,officer,,,,,,,,beat-officer,beat,0711,2024-01-01,,\n"
                        + "1009,Cy,Ray,officer,,,,,,,,beat-officer,beat,0711,2024-06-01,,\n"                 // 12 overlap
                        + "1010,Di,Fox,officer,,,,,,,maybe,,,,,,\n");                                        // 13 boolean
        assertThat(roster.members()).as("nothing usable when there are errors").isEmpty();
        assertThat(roster.errors()).extracting(e -> e.line() + ":" + e.violation().field() + ":" + e.violation().code())
                .containsExactly("2:rank:rank", "3:email:email", "4:role:role", "5:unit_code:unit",
                        "6:unit_level:level", "7:start_date:date", "8:end_date:endBeforeStart",
                        "10:rank:conflict", "12:start_date:overlap", "13:active:boolean");
    }

    @Test
    void missingAndUnknownColumnsAreReportedOnLineOne() {
        Roster roster = reader.read(new StringReader("badge,given_name,surname,rank\n1,A,B,officer\n"));
        assertThat(roster.errors()).extracting(e -> e.line() + ":" + e.violation().code())
                .containsExactly("1:unknownColumn", "1:missingColumn");
    }

    @Test
    void anAssignmentNeedsAllItsColumns() {
        Roster roster = read("1001,Maria,Lopez,officer,,,,,,,,beat-officer,,0711,,,\n");
        assertThat(roster.errors()).extracting(e -> e.violation().field())
                .containsExactly("unit_level", "start_date");
    }

    @Test
    void blankLinesAreSkippedButCountedAndABomIsIgnored() {
        Roster roster = reader.read(new StringReader("\uFEFF" + HEADER + "\n"
                + "1001,Maria,Lopez,officer,,,,,,,,beat-officer,beat,0712,2024-01-01,,\n"));
        assertThat(roster.errors()).extracting(RowError::line).containsExactly(3);
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThat(reader.read(new StringReader(HEADER)).errors()).extracting(e -> e.violation().code())
                .containsExactly("empty");
    }
}
