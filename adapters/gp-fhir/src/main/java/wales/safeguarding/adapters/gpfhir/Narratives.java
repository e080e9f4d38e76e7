package wales.safeguarding.adapters.gpfhir;

import java.util.List;

import org.hl7.fhir.r4.model.Narrative;

/**
 * Human-readable narratives ({@code text}) for the resources the adapter sends. Base R4 warns (dom-6) about a
 * resource without one, and a GP system that cannot render a resource shows the narrative instead.
 */
final class Narratives {

    private Narratives() {
    }

    /** A generated narrative: one paragraph per line; blank lines are left out. */
    static Narrative of(List<String> lines) {
        return of(null, lines);
    }

    /**
     * A narrative in {@code language} (for a resource whose {@code language} is set: the validator wants the
     * XHTML to say so too).
     */
    static Narrative of(String language, List<String> lines) {
        StringBuilder div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\"");
        if (language != null) {
            div.append(" lang=\"").append(escape(language)).append("\" xml:lang=\"").append(escape(language)).append('"');
        }
        div.append('>');
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                div.append("<p>").append(escape(line)).append("</p>");
            }
        }
        div.append("</div>");
        Narrative narrative = new Narrative();
        narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString(div.toString());
        return narrative;
    }

    static Narrative of(String... lines) {
        return of(List.of(lines));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XHTML 1.0 forbids most control characters; a stray one must not make the narrative invalid
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
