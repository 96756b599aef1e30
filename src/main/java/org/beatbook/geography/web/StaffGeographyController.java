package org.beatbook.geography.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.beatbook.geography.BoundaryImportReport;
import org.beatbook.geography.BoundaryImportRequest;
import org.beatbook.geography.LevelDefinition;
import org.beatbook.geography.UnitLevel;
import org.beatbook.geography.UnitRef;
import org.beatbook.geography.application.GeographyRejection;
import org.beatbook.geography.application.GeographyService;
import org.beatbook.geography.persistence.GeographyRepository.ImportRecord;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages: levels, their units, boundary uploads and derived levels, and the import history. */
@Controller
@RequestMapping("/staff/geography")
class StaffGeographyController {

    private static final int RECENT_IMPORTS = 20;

    private final GeographyService geography;
    private final BoundaryUploads uploads;
    private final MessageSource messages;

    StaffGeographyController(GeographyService geography, BoundaryUploads uploads, MessageSource messages) {
        this.geography = geography;
        this.uploads = uploads;
        this.messages = messages;
    }

    /** A row of the levels table and of its edit form. New rows have no key yet. */
    static class LevelRow {
        private String key = "";
        private String name = "";
        private String pluralName = "";
        private Integer position;
        private boolean remove;

        public String getKey() { return key; }
        public void setKey(String key) { this.key = key == null ? "" : key.strip(); }
        public String getName() { return name; }
        public void setName(String name) { this.name = name == null ? "" : name; }
        public String getPluralName() { return pluralName; }
        public void setPluralName(String pluralName) { this.pluralName = pluralName == null ? "" : pluralName; }
        public Integer getPosition() { return position; }
        public void setPosition(Integer position) { this.position = position; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean remove) { this.remove = remove; }

        boolean blank() {
            return key.isEmpty() && name.isBlank() && pluralName.isBlank();
        }
    }

    static class LevelsForm {
        private List<LevelRow> levels = new ArrayList<>();

        public List<LevelRow> getLevels() { return levels; }
        public void setLevels(List<LevelRow> levels) { this.levels = levels; }
    }

    static class UploadForm {
        private String level = "";
        private String codeProperty = "";
        private String nameProperty = "";
        private String parentProperty = "";
        private boolean repair;

        public String getLevel() { return level; }
        public void setLevel(String level) { this.level = level; }
        public String getCodeProperty() { return codeProperty; }
        public void setCodeProperty(String codeProperty) { this.codeProperty = codeProperty; }
        public String getNameProperty() { return nameProperty; }
        public void setNameProperty(String nameProperty) { this.nameProperty = nameProperty; }
        public String getParentProperty() { return parentProperty; }
        public void setParentProperty(String parentProperty) { this.parentProperty = parentProperty; }
        public boolean isRepair() { return repair; }
        public void setRepair(boolean repair) { this.repair = repair; }
    }

    static class DeriveForm {
        private String level = "";
        private String from = "";
        private Integer prefix;

        public String getLevel() { return level; }
        public void setLevel(String level) { this.level = level; }
        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public Integer getPrefix() { return prefix; }
        public void setPrefix(Integer prefix) { this.prefix = prefix; }
    }

    /** A level as the overview shows it. */
    record LevelSummary(UnitLevel level, int unitCount, ImportRecord lastImport) {
    }

    /** Problems of one form: by field id (for aria-describedby), plus ones that concern the whole form. */
    record FormErrors(String form, Map<String, String> fields, List<String> general) {

        FormErrors(String form) {
            this(form, new LinkedHashMap<>(), new ArrayList<>());
        }

        boolean isEmpty() {
            return fields.isEmpty() && general.isEmpty();
        }
    }

    @GetMapping
    String overview(Model model) {
        if (!model.containsAttribute("levelsForm")) {
            model.addAttribute("levelsForm", levelsForm());
        }
        if (!model.containsAttribute("uploadForm")) {
            model.addAttribute("uploadForm", new UploadForm());
        }
        if (!model.containsAttribute("deriveForm")) {
            model.addAttribute("deriveForm", new DeriveForm());
        }
        Map<String, Integer> counts = geography.unitCounts();
        Map<String, ImportRecord> last = geography.lastAcceptedImports();
        model.addAttribute("levels", geography.levels().stream()
                .map(l -> new LevelSummary(l, counts.getOrDefault(l.key(), 0), last.get(l.key()))).toList());
        model.addAttribute("imports", geography.recentImports(RECENT_IMPORTS));
        model.addAttribute("maxFileSize", uploads.maxSize().toMegabytes() + " MB");
        return "geography/staff";
    }

    @GetMapping("/levels/{level}")
    String level(@PathVariable("level") String key, Model model) {
        UnitLevel level = geography.level(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> parents = geography.parentCodes(level.key());
        List<UnitRef> units = geography.units(level.key());
        model.addAttribute("level", level);
        model.addAttribute("parentLevel", geography.levelAbove(level).orElse(null));
        model.addAttribute("units", units);
        model.addAttribute("parents", parents);
        return "geography/level";
    }

    @PostMapping("/levels")
    @PreAuthorize("hasRole('ADMIN')")
    String saveLevels(@ModelAttribute("levelsForm") LevelsForm form, BindingResult binding, Model model,
                      RedirectAttributes redirect, Locale locale) {
        // an order that is not a number sorts last rather than failing the whole form
        List<LevelDefinition> topDown = form.getLevels().stream().filter(r -> !r.isRemove() && !r.blank())
                .sorted(Comparator.comparing(LevelRow::getPosition, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(r -> new LevelDefinition(r.getKey(), r.getName(), r.getPluralName())).toList();
        try {
            geography.defineLevels(topDown);
        }
        catch (GeographyRejection e) {
            FormErrors errors = new FormErrors("levels");
            errors.general().addAll(e.reasons());
            return overviewWithErrors(model, errors);
        }
        redirect.addFlashAttribute("success", messages.getMessage("geography.staff.levels.saved", null, locale));
        return "redirect:/staff/geography";
    }

    @PostMapping("/boundaries")
    @PreAuthorize("hasRole('ADMIN')")
    String upload(@ModelAttribute("uploadForm") UploadForm form, @RequestParam(name = "file", required = false) MultipartFile file,
                  Principal principal, Model model, RedirectAttributes redirect, Locale locale) throws IOException {
        FormErrors errors = new FormErrors("upload");
        if (geography.level(form.getLevel()).isEmpty()) {
            errors.fields().put("upload-level", messages.getMessage("geography.staff.upload.level.required", null, locale));
        }
        if (file == null || file.isEmpty()) {
            errors.fields().put("upload-file", messages.getMessage("geography.staff.upload.file.required", null, locale));
        }
        else if (uploads.tooLarge(file.getSize())) {
            errors.fields().put("upload-file", messages.getMessage("geography.problem.too-large",
                    new Object[] {uploads.maxSize().toMegabytes() + " MB"}, locale));
        }
        if (form.getCodeProperty() == null || form.getCodeProperty().isBlank()) {
            errors.fields().put("upload-code", messages.getMessage("geography.problem.no-code-property", null, locale));
        }
        if (!errors.isEmpty()) {
            return overviewWithErrors(model, errors);
        }
        BoundaryImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = geography.importBoundaries(new BoundaryImportRequest(form.getLevel(), form.getCodeProperty(),
                    form.getNameProperty(), form.getParentProperty(), form.isRepair()), in, file.getOriginalFilename(),
                    principal.getName());
        }
        return showReport(report, form.getLevel(), model, redirect);
    }

    @PostMapping("/derive")
    @PreAuthorize("hasRole('ADMIN')")
    String derive(@ModelAttribute("deriveForm") DeriveForm form, BindingResult binding, Principal principal,
                  Model model, RedirectAttributes redirect, Locale locale) {
        // a prefix that is not a number stays null and is reported below like a missing one
        FormErrors errors = new FormErrors("derive");
        if (geography.level(form.getLevel()).isEmpty()) {
            errors.fields().put("derive-level", messages.getMessage("geography.staff.upload.level.required", null, locale));
        }
        if (geography.level(form.getFrom()).isEmpty()) {
            errors.fields().put("derive-from", messages.getMessage("geography.staff.upload.level.required", null, locale));
        }
        if (form.getPrefix() == null || form.getPrefix() < 1) {
            errors.fields().put("derive-prefix", messages.getMessage("geography.problem.prefix-length",
                    new Object[] {String.valueOf(form.getPrefix())}, locale));
        }
        if (!errors.isEmpty()) {
            return overviewWithErrors(model, errors);
        }
        try {
            return showReport(geography.deriveLevel(form.getLevel(), form.getFrom(), form.getPrefix(), principal.getName()),
                    form.getLevel(), model, redirect);
        }
        catch (GeographyRejection e) {
            errors.general().addAll(e.reasons());
            return overviewWithErrors(model, errors);
        }
    }

    /** An accepted import redirects (a reload must not import again); a refused one keeps the form as it was. */
    private String showReport(BoundaryImportReport report, String level, Model model, RedirectAttributes redirect) {
        if (report.accepted()) {
            redirect.addFlashAttribute("report", report);
            redirect.addFlashAttribute("reportLevel", level);
            return "redirect:/staff/geography";
        }
        model.addAttribute("report", report);
        model.addAttribute("reportLevel", level);
        overview(model);
        return "geography/staff";
    }

    private String overviewWithErrors(Model model, FormErrors errors) {
        model.addAttribute("formErrors", errors);
        return overview(model);
    }

    private LevelsForm levelsForm() {
        LevelsForm form = new LevelsForm();
        for (UnitLevel level : geography.levels()) {
            LevelRow row = new LevelRow();
            row.setKey(level.key());
            row.setName(level.name());
            row.setPluralName(level.pluralName());
            row.setPosition(level.depth() + 1);
            form.getLevels().add(row);
        }
        LevelRow blank = new LevelRow();
        blank.setPosition(form.getLevels().size() + 1);
        form.getLevels().add(blank);
        return form;
    }
}
