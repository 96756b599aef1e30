package org.beatbook.incidents.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.ServicePriority;
import org.beatbook.incidents.application.ImportJobs;
import org.beatbook.incidents.application.ProfileCatalogue;
import org.beatbook.incidents.domain.Classification;
import org.beatbook.incidents.persistence.IncidentStore;
import org.beatbook.platform.NulCharacters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages: imports (upload as a background job, its status page, journal, reject reports), data-quality
 * warnings, profiles, classification.
 */
@Controller
@RequestMapping("/staff/incidents")
class StaffIncidentPages {

    private final ImportJobs jobs;
    private final IncidentStore store;
    private final ProfileCatalogue profiles;

    StaffIncidentPages(ImportJobs jobs, IncidentStore store, ProfileCatalogue profiles) {
        this.jobs = jobs;
        this.store = store;
        this.profiles = profiles;
    }

    @GetMapping
    String imports(Model model) {
        model.addAttribute("imports", store.recentImports(50));
        model.addAttribute("profiles", profiles.all().keySet());
        model.addAttribute("warningCount", store.warningCount());
        model.addAttribute("errors", model.getAttribute("errors") == null ? Map.of() : model.getAttribute("errors"));
        return "incidents/imports";
    }

    @PostMapping("/imports")
    @PreAuthorize("hasRole('ADMIN')")
    String upload(@RequestParam(defaultValue = "") String profile, @RequestParam(required = false) MultipartFile file,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        // Only the name here: a profile that fails its checks is rejected by the job, with every problem named.
        if (!profiles.all().containsKey(profile)) {
            errors.put("profile", "incidents.error.profile");
        }
        if (file == null || file.isEmpty()) {
            errors.put("file", "incidents.error.file");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            model.addAttribute("chosenProfile", profile);
            return imports(model);
        }
        long id;
        try (InputStream in = file.getInputStream()) {
            id = jobs.submit(profile, file.getOriginalFilename(), in, true);
        }
        return "redirect:/staff/incidents/imports/" + id;
    }

    /** The status of a background import: progress while it runs, the report when it is done. */
    @GetMapping("/imports/{id}")
    String importStatus(@PathVariable long id, Model model) {
        model.addAttribute("status", status(id));
        return "incidents/import";
    }

    /** What htmx polls; {@code known} is the state the page shows, so it is announced again only when it changes. */
    @GetMapping("/imports/{id}/status")
    String importProgress(@PathVariable long id, @RequestParam(defaultValue = "") String known, Model model) {
        model.addAttribute("status", status(id));
        model.addAttribute("known", known);
        return "incidents/import :: update";
    }

    private ImportStatus status(long id) {
        return new ImportStatus(store.importEntry(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No import " + id)));
    }

    @GetMapping("/imports/{id}/rejects.csv")
    ResponseEntity<String> rejects(@PathVariable long id) {
        if (store.importEntry(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return Csv.of("import-" + id + "-rejects.csv", List.of("line", "reason"),
                store.rejects(id).stream().<List<?>>map(r -> List.of(r.line(), r.reason())).toList());
    }

    @GetMapping("/warnings")
    String warnings(Model model) {
        model.addAttribute("warnings", store.warnings(500));
        model.addAttribute("warningCount", store.warningCount());
        return "incidents/warnings";
    }

    @GetMapping("/profiles")
    String profiles(Model model) {
        model.addAttribute("profiles", profiles.all());
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", "");
        }
        return "incidents/profiles";
    }

    @PostMapping("/profiles")
    @PreAuthorize("hasRole('ADMIN')")
    String saveProfile(@RequestParam(defaultValue = "") String yaml, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("saved", profiles.save(yaml).name());
            return "redirect:/staff/incidents/profiles";
        }
        catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("yamlError", e.getMessage());
            model.addAttribute("yaml", yaml);
            return profiles(model);
        }
    }

    @GetMapping("/classification")
    String classification(@RequestParam(defaultValue = "chicago") String scheme, Model model) {
        model.addAttribute("schemes", store.schemes());
        model.addAttribute("scheme", scheme);
        model.addAttribute("rows", store.classification(scheme));
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("priorities", ServicePriority.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", Map.of("match", "", "offense", "", "category", "", "priority", ""));
        }
        return "incidents/classification";
    }

    @PostMapping("/classification")
    @PreAuthorize("hasRole('ADMIN')")
    String saveClassification(@RequestParam String scheme, @RequestParam(defaultValue = "") String match,
                              @RequestParam(defaultValue = "") String category,
                              @RequestParam(defaultValue = "") String offense,
                              @RequestParam(defaultValue = "") String priority,
                              @RequestParam(defaultValue = "false") boolean sensitive, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (match.isBlank()) {
            errors.put("match", "incidents.error.match");
        }
        if (offense.isBlank()) {
            errors.put("offense", "incidents.error.offense");
        }
        // PostgreSQL text cannot store a NUL: refused here, not by the insert
        if (NulCharacters.in(match)) {
            errors.put("match", "incidents.error.nul");
        }
        if (NulCharacters.in(offense)) {
            errors.put("offense", "incidents.error.nul");
        }
        if (IncidentCategory.of(category).isEmpty()) {
            errors.put("category", "incidents.error.category");
        }
        if (!priority.isBlank() && ServicePriority.of(priority).isEmpty()) {
            errors.put("priority", "incidents.error.priority");
        }
        if (!scheme.matches("[a-z0-9-]{1,40}")) {
            errors.put("scheme", "incidents.error.scheme");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            // A NUL goes back into the form as ␀, where the user can see and remove it.
            model.addAttribute("form", Map.of("match", NulCharacters.shown(match), "offense",
                    NulCharacters.shown(offense), "category", category, "priority", priority));
            return classification(scheme, model);
        }
        store.saveClassification(scheme, new Classification(match, IncidentCategory.of(category).orElseThrow(),
                offense.trim(), ServicePriority.of(priority).orElse(null), sensitive));
        redirect.addFlashAttribute("saved", match.trim().toUpperCase(java.util.Locale.ROOT));
        return "redirect:/staff/incidents/classification?scheme=" + scheme;
    }
}
