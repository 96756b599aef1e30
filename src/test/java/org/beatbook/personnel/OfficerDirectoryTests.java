package org.beatbook.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.beatbook.geography.UnitKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PersonnelIntegrationTest
class OfficerDirectoryTests {

    @Autowired
    RosterAdministration roster;

    @Autowired
    OfficerDirectory directory;

    @Autowired
    org.beatbook.personnel.application.Personnel personnel;

    @Test
    void showsOnlyCurrentAssignmentsOfActiveMembersWithTheirPublicContactsInOrder() {
        LocalDate today = LocalDate.now();
        String header = "badge,given_name,family_name,rank,email,phone,public_email,public_phone,languages,active,"
                + "role,unit_level,unit_code,start_date,end_date\n";
        String rows = String.join("\n",
                "D-1,Zoe,Adams,officer,zoe@example.org,312-555-0001,yes,no,en es,yes,beat-officer,beat,0714," + today + ",",
                "D-2,Yan,Baker,sergeant,yan@example.org,312-555-0002,no,yes,en,yes,beat-officer,beat,0714,"
                        + today.minusYears(1) + "," + today,
                "D-3,Xia,Clark,officer,xia@example.org,,yes,no,zh,yes,beat-officer,beat,0714,"
                        + today.minusYears(2) + "," + today.minusDays(1),
                "D-4,Wes,Dunn,officer,,,no,no,en,yes,beat-officer,beat,0714," + today.plusDays(1) + ",",
                "D-5,Val,Evans,officer,,,no,no,en,no,beat-officer,beat,0714," + today.minusYears(1) + ",",
                "D-6,Uma,Ford,captain,,,no,no,en,yes,area-commander,sector,071," + today.minusYears(1) + ",",
                "D-7,Tia,Gray,officer,,,no,no,en,yes,problem-solving-officer,beat,0714," + today.minusMonths(1) + ",");
        assertThat(roster.importRoster(new StringReader(header + rows + "\n")).errors()).isEmpty();

        List<OfficerCard> cards = directory.currentOfficers(List.of(new UnitKey("beat", "0714"),
                new UnitKey("sector", "071")));

        assertThat(cards).extracting(OfficerCard::name)
                .as("unit order, then role order, then name; past, future and inactive left out")
                .containsExactly("Zoe Adams", "Yan Baker", "Tia Gray", "Uma Ford");
        OfficerCard zoe = cards.get(0);
        assertThat(zoe.email()).isEqualTo("zoe@example.org");
        assertThat(zoe.phone()).as("not public").isNull();
        assertThat(zoe.languages()).containsExactly("en", "es");
        assertThat(zoe.rank()).isEqualTo("Officer");
        assertThat(zoe.roleName()).isEqualTo("Beat Officer");
        assertThat(zoe.unit()).isEqualTo(new UnitKey("beat", "0714"));
        assertThat(zoe.photoUrl()).isNull();
        OfficerCard yan = cards.get(1);
        assertThat(yan.email()).isNull();
        assertThat(yan.phone()).isEqualTo("312-555-0002");
        assertThat(cards.get(3).unit()).isEqualTo(new UnitKey("sector", "071"));

        assertThat(directory.currentOfficers(List.of(new UnitKey("sector", "071"), new UnitKey("beat", "0714"))))
                .extracting(OfficerCard::name).startsWith("Uma Ford");
        assertThat(directory.currentOfficers(List.of())).isEmpty();
    }

    @Test
    void aChangeShowsAtOnceEvenThoughAnswersAreKeptForTheDay() {
        UnitKey beat = new UnitKey("beat", "0715");
        String header = "badge,given_name,family_name,rank,role,unit_level,unit_code,start_date\n";
        assertThat(roster.importRoster(new StringReader(header + "K-1,Ann,Lee,officer,beat-officer,beat,0715,"
                + LocalDate.now().minusDays(3) + "\n")).errors()).isEmpty();
        assertThat(directory.currentOfficers(List.of(beat))).extracting(OfficerCard::name).containsExactly("Ann Lee");

        long ann = personnel.search("Lee", null).get(0).id();
        long assignment = personnel.history(ann).get(0).id();
        personnel.end(assignment, LocalDate.now().minusDays(1));
        assertThat(directory.currentOfficers(List.of(beat))).as("ended yesterday").isEmpty();

        personnel.assign(ann, "beat-officer", beat, LocalDate.now(), null);
        assertThat(directory.currentOfficers(List.of(beat))).extracting(OfficerCard::name).containsExactly("Ann Lee");
    }
}
