package org.viflab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.RequestCodec;
import org.viflab.model.PrincipalId;

/**
 * Journal entries in the scenario file's step syntax, as one line of JSON:
 * {@code {"attach":{"interface":"vif-web","instance":"vm-1","deviceIndex":1}}}. A person can read
 * them, and a lab can be rebuilt by replaying them.
 */
public final class JournalCodec implements RequestCodec {

    public static final JournalCodec INSTANCE = new JournalCodec();

    private static final String CREATE_PRINCIPAL = "createPrincipal";

    private JournalCodec() {
    }

    @Override
    public String encode(Request request) {
        ObjectNode step = JsonNodeFactory.instance.objectNode();
        if (request instanceof Request.CreatePrincipal p) {
            step.set(CREATE_PRINCIPAL, JsonNodeFactory.instance.objectNode().put("id", p.id().value()));
        } else {
            step.set(RequestKeys.keyOf(request), Mappers.JSON_WRITER.valueToTree(ScenarioWriter.parameters(request)));
        }
        try {
            return Mappers.BINDER.writeValueAsString(step);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + request.describe() + " as JSON", e);
        }
    }

    @Override
    public Request decode(String text) {
        JsonNode step;
        try {
            step = Mappers.BINDER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a journal entry of this codec: " + text, e);
        }
        if (step != null && step.has(CREATE_PRINCIPAL)) {
            return new Request.CreatePrincipal(PrincipalId.principalId(step.get(CREATE_PRINCIPAL).path("id").asText()));
        }
        Scenario scenario;
        try {
            scenario = ScenarioReader.parse("journal.json", "{\"scenario\": \"journal\", \"steps\": [" + text + "]}");
        } catch (ScenarioException e) {
            throw new IllegalArgumentException("not a journal entry of this codec: " + e.getMessage(), e);
        }
        if (scenario.steps().size() != 1 || !(scenario.step(1).action() instanceof Step.Submit submit)) {
            throw new IllegalArgumentException("not a request: " + text);
        }
        return submit.submission().request();
    }
}
