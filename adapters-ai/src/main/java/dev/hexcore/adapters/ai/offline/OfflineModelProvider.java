package dev.hexcore.adapters.ai.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.KeylessModelProvider;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderReply;
import dev.hexcore.domain.generation.TokenUsage;
import dev.hexcore.domain.shared.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The embedded default provider ("offline"): needs no network and no key, and answers deterministically from a hash
 * of the request. Text says plainly that it is an offline answer and echoes the request's key words; structured calls
 * get one of the schema's {@code examples} when it has them, else JSON built from the schema (valid against it,
 * pattern aside) with words from the prompt; image calls get local
 * transforms of the input picture. Results and events name provider "offline", so this output is never taken for a
 * model's.
 */
@ApplicationScoped
public class OfflineModelProvider implements KeylessModelProvider {
    public static final String NAME = "offline";
    private static final String VERSION = "offline-1";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int KEY_WORDS = 6;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderReply call(ProviderCall call) {
        String request = requestText(call);
        String digest = Sha256.hex(call.model() + "\n" + request + "\n" + (call.jsonSchema() == null ? "" : call.jsonSchema()));
        long seed = Long.parseUnsignedLong(digest.substring(0, 16), 16);
        List<String> words = keyWords(call);
        int promptTokens = tokens(request);
        if (call.imageOutputs() > 0) return images(call, seed, words, promptTokens);
        String answer = call.jsonSchema() != null ? json(call.jsonSchema(), seed, words) : text(call, words, digest);
        int completionTokens = tokens(answer);
        return new ProviderReply(answer, List.of(), new TokenUsage(promptTokens, completionTokens, promptTokens + completionTokens),
                VERSION);
    }

    private static String text(ProviderCall call, List<String> words, String digest) {
        String echoed = words.isEmpty() ? "\"" + lastUserMessage(call) + "\"" : String.join(", ", words);
        return "[offline] This is an offline answer: no language model was called. You asked about " + echoed
                + ". (ref " + digest.substring(0, 8) + ")";
    }

    /** The learner's last line, shortened, for answers to messages too short to have key words ("Hi!"). */
    private static String lastUserMessage(ProviderCall call) {
        for (int i = call.messages().size() - 1; i >= 0; i--) {
            var message = call.messages().get(i);
            if (message.role() == ChatMessage.Role.USER) {
                String text = message.text().strip().replaceAll("\\s+", " ");
                return text.length() <= 80 ? text : text.substring(0, 79) + "…";
            }
        }
        return "";
    }

    private static String json(String schemaJson, long seed, List<String> words) {
        JsonNode schema;
        try {
            schema = MAPPER.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "the JSON Schema is not valid JSON");
        }
        if (schema == null || !(schema.isObject() || schema.isBoolean())) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "the JSON Schema must be a JSON object");
        }
        JsonNode examples = schema.path("examples");
        try {
            // a schema that carries examples (an annotation the upstream providers do not receive) is answered with
            // one of them: the feature's own valid sample, e.g. a lesson in the learner's target language
            if (examples.isArray() && !examples.isEmpty()) {
                return MAPPER.writeValueAsString(examples.get((int) Long.remainderUnsigned(seed, examples.size())));
            }
            return MAPPER.writeValueAsString(new SchemaInstanceGenerator(schema, seed, words).generate());
        } catch (JsonProcessingException e) {
            throw new ProviderFailure(ProviderFailure.Kind.BAD_OUTPUT, "could not write the offline JSON");
        }
    }

    private static ProviderReply images(ProviderCall call, long seed, List<String> words, int promptTokens) {
        if (call.images().isEmpty()) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "the offline provider needs an input image");
        }
        List<BufferedImage> inputs = new ArrayList<>();
        for (ImageData image : call.images()) {
            BufferedImage decoded = OfflineImageTransform.decode(image.bytes());
            if (decoded == null) {
                throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "an input image could not be decoded");
            }
            inputs.add(decoded);
        }
        List<ImageData> outputs = new ArrayList<>();
        for (int i = 0; i < call.imageOutputs(); i++) {
            byte[] png = OfflineImageTransform.transform(inputs.get(i % inputs.size()), seed, i);
            outputs.add(new ImageData("image/png", png));
        }
        String note = "[offline] " + outputs.size() + " image(s) made locally from your input; no image model was called."
                + (words.isEmpty() ? "" : " Prompt: " + String.join(", ", words) + ".");
        return new ProviderReply(note, outputs, new TokenUsage(promptTokens, 0, promptTokens), VERSION);
    }

    private static String requestText(ProviderCall call) {
        StringBuilder text = new StringBuilder();
        if (call.system() != null) text.append("system: ").append(call.system()).append('\n');
        for (ChatMessage message : call.messages()) {
            text.append(message.role().name().toLowerCase(Locale.ROOT)).append(": ").append(message.text()).append('\n');
        }
        for (ImageData image : call.images()) text.append("image: ").append(Arrays.hashCode(image.bytes())).append('\n');
        text.append("outputs: ").append(call.imageOutputs());
        return text.toString();
    }

    /** The first distinct words of four letters or more of the last user message, in the order they appear. */
    private static List<String> keyWords(ProviderCall call) {
        String prompt = "";
        for (ChatMessage message : call.messages()) {
            if (message.role() == ChatMessage.Role.USER) prompt = message.text();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : prompt.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.codePointCount(0, word.length()) >= 4) words.add(word);
            if (words.size() == KEY_WORDS) break;
        }
        return List.copyOf(words);
    }

    private static int tokens(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
