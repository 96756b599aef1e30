package org.beatbook.engagement.application;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.beatbook.engagement.domain.Tokens;
import org.beatbook.engagement.persistence.EngagementStore;
import org.beatbook.engagement.persistence.EngagementStore.PendingMail;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitRef;
import org.beatbook.platform.Department;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends the one mail an unconfirmed address ever gets. Runs as a db-scheduler task; a fresh token is made for each
 * mail (only its hash is stored), so a retried send never leaves a working token that nobody received.
 */
@Component
class ConfirmationMailer {

    private final EngagementStore store;
    private final JavaMailSender sender;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Department department;
    private final UnitCatalogue catalogue;
    private final EngagementProperties properties;

    ConfirmationMailer(EngagementStore store, JavaMailSender sender, ITemplateEngine templates,
                       MessageSource messages, Department department, UnitCatalogue catalogue,
                       EngagementProperties properties) {
        this.store = store;
        this.sender = sender;
        this.templates = templates;
        this.messages = messages;
        this.department = department;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    void send(long pendingId) {
        // Confirmed or purged meanwhile: nothing to send.
        PendingMail pending = store.pendingForMail(pendingId).orElse(null);
        if (pending == null) {
            return;
        }
        String token = Tokens.newToken();
        store.setToken(pendingId, Tokens.hash(token), Instant.now().plus(properties.confirmationValidity()));
        Locale locale = Locale.forLanguageTag(pending.language());
        String district = catalogue.unit(pending.unit()).map(UnitRef::label).orElse(pending.unit().code());
        Map<String, Object> model = Map.of(
                "name", pending.name(),
                "district", district,
                "confirmUrl", department.link("/subscriptions/confirm?token=" + token),
                "hours", properties.confirmationValidity().toHours(),
                "department", department);
        String html = templates.process("engagement/mail/confirm", new Context(locale, model));
        String text = messages.getMessage("engagement.mail.text", new Object[] {pending.name(), district,
                model.get("confirmUrl"), model.get("hours"), department.name(), department.postalAddress(),
                department.nonEmergencyPhone()}, locale);
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(department.mailFrom());
            helper.setTo(pending.email());
            helper.setSubject(messages.getMessage("engagement.mail.subject", new Object[] {district}, locale));
            helper.setText(text, html);
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("Content-Language", locale.getLanguage());
        }
        catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }
}
