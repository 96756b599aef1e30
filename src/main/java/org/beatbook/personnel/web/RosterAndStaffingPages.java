package org.beatbook.personnel.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.geography.UnitLevel;
import org.beatbook.personnel.RosterAdministration;
import org.beatbook.personnel.RosterImportReport;
import org.beatbook.personnel.application.Personnel;
import org.beatbook.personnel.application.StaffingReport;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staffing below target, the targets themselves (set by administrators) and roster upload (administrators). */
@Controller
@RequestMapping("/staff/personnel")
class RosterAndStaffingPages {

    private final Personnel personnel;
    private final StaffingReport staffing;
    private final RosterAdministration roster;

    RosterAndStaffingPages(Personnel personnel, StaffingReport staffing, RosterAdministration roster) {
        this.personnel = personnel;
        this.staffing = staffing;
        this.roster = roster;
    }

    @GetMapping("/staffing")
    String staffing(Model model) {
        return staffingPage(model, Map.of(), "", "", "");
    }

    @PostMapping("/staffing")
    @PreAuthorize("hasRole('ADMIN')")
    String setTarget(@RequestParam(defaultValue = "") String level, @RequestParam(defaultValue = "") String role,
                     @RequestParam(defaultValue = "") String minimum, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (personnel.units().level(level).isEmpty()) {
            errors.put("level", "personnel.error.level");
        }
        if (!personnel.roles().containsKey(role)) {
            errors.put("role", "personnel.error.role");
        }
        int count = -1;
        try {
            count = Integer.parseInt(minimum.trim());
        }
        catch (NumberFormatException notANumber) {
            // reported below
        }
        if (count < 0 || count > 50) {
            errors.put("minimum", "personnel.error.minimum");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return staffingPage(model, errors, level, role, minimum);
        }
        roster.setStaffingTarget(level, role, count);
        redirect.addFlashAttribute("done", "personnel.staffing.saved");
        return "redirect:/staff/personnel/staffing";
    }

    private String staffingPage(Model model, Map<String, String> errors, String level, String role, String minimum) {
        List<UnitLevel> levels = personnel.units().levels();
        model.addAttribute("gaps", staffing.gaps());
        model.addAttribute("targets", staffing.targets());
        model.addAttribute("roles", personnel.roles());
        model.addAttribute("levels", levels);
        model.addAttribute("levelNames", levels.stream().collect(java.util.stream.Collectors.toMap(UnitLevel::key,
                UnitLevel::pluralName)));
        model.addAttribute("errors", errors);
        model.addAttribute("target", Map.of("level", level, "role", role, "minimum", minimum));
        return "personnel/staffing";
    }

    @GetMapping("/roster")
    String rosterForm() {
        return "personnel/roster";
    }

    @PostMapping("/roster")
    @PreAuthorize("hasRole('ADMIN')")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fileError", "personnel.error.file");
            return "personnel/roster";
        }
        RosterImportReport report;
        try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            report = roster.importRoster(csv);
        }
        if (!report.accepted()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("report", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        return "personnel/roster";
    }
}
