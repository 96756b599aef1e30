package org.beatbook.newsletters.web;

import java.util.List;
import java.util.Locale;

import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitRef;
import org.beatbook.newsletters.application.Archive;
import org.beatbook.newsletters.domain.Issue;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** The public archive: every published issue per unit, as a page, a printable PDF and an Atom feed. */
@Controller
@RequestMapping("/newsletters")
class ArchiveController {

    private final Archive archive;
    private final UnitCatalogue catalogue;

    ArchiveController(Archive archive, UnitCatalogue catalogue) {
        this.archive = archive;
        this.catalogue = catalogue;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("units", archive.units());
        return "newsletters/archive";
    }

    @GetMapping("/{level}/{code}")
    String unit(@PathVariable String level, @PathVariable String code, Model model, Locale locale) {
        UnitKey key = new UnitKey(level, code);
        List<Issue> issues = archive.issues(key);
        model.addAttribute("unitLabel", label(key, issues));
        model.addAttribute("unit", key);
        model.addAttribute("issues", issues);
        model.addAttribute("titles", archive.titles(issues, locale));
        return "newsletters/unit";
    }

    @GetMapping(value = "/{level}/{code}/feed.atom")
    ResponseEntity<String> feed(@PathVariable String level, @PathVariable String code, Locale locale) {
        UnitKey key = new UnitKey(level, code);
        String atom = archive.atom(key, label(key, archive.issues(key)), locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8")).body(atom);
    }

    @GetMapping("/issues/{id}")
    String issue(@PathVariable long id, Model model, Locale locale) {
        Archive.Published published = archive.published(id, locale.getLanguage())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("published", published);
        return "newsletters/issue";
    }

    @GetMapping("/issues/{id}/print.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        Archive.Published published = archive.published(id, locale.getLanguage())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("newsletter-" + id + "-" + published.edition().language() + ".pdf").build().toString())
                .body(archive.pdf(published));
    }

    /** The unit's current name, or the one it had when its newsletters were published; 404 for a unit never heard of. */
    private String label(UnitKey key, List<Issue> issues) {
        return catalogue.unit(key).map(UnitRef::label)
                .or(() -> issues.stream().flatMap(i -> i.units().stream()).filter(u -> u.key().equals(key))
                        .map(Issue.Unit::label).findFirst())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
