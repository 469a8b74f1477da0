package de.grantflow.portal;

import de.grantflow.attachments.AttachmentRejected;
import de.grantflow.attachments.AttachmentService;
import de.grantflow.application.CaseNotFoundException;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The applicant hands in documents with a case and downloads them again. */
@Controller
class AttachmentPages {

    private final Applicants applicants;
    private final AttachmentService attachments;
    private final MessageSource messages;

    AttachmentPages(Applicants applicants, AttachmentService attachments, MessageSource messages) {
        this.applicants = applicants;
        this.attachments = attachments;
        this.messages = messages;
    }

    @PostMapping("/portal/applications/{id}/attachments")
    String add(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect, Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.getMessage("portal.attachments.choose", null, locale));
        } else {
            try {
                attachments.add(applicants.current(), id, file.getOriginalFilename(), file.getBytes());
                redirect.addFlashAttribute("flash", messages.getMessage("portal.attachments.added",
                        new Object[] {file.getOriginalFilename()}, locale));
            } catch (AttachmentRejected rejected) {
                redirect.addFlashAttribute("flashError", rejected.getMessage());
            }
        }
        return "redirect:/portal/applications/" + id + "#attachments-heading";
    }

    @GetMapping("/portal/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        return attachments.content(applicants.current(), id).map(AttachmentService::asDownload)
                .orElseThrow(() -> new CaseNotFoundException("Anlage " + id + " nicht gefunden"));
    }
}
