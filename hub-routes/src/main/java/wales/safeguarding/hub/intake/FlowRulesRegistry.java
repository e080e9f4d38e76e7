package wales.safeguarding.hub.intake;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.schemas.envelope.MessageType;

/** Every flow's rules, by the message types they are for. Two flows claiming one type stop the start. */
@ApplicationScoped
public class FlowRulesRegistry {

    private final Map<MessageType, FlowRules> byType = new EnumMap<>(MessageType.class);

    public FlowRulesRegistry(Instance<FlowRules> flows) {
        for (FlowRules rules : flows) {
            for (MessageType type : rules.types()) {
                FlowRules other = byType.put(type, rules);
                if (other != null) {
                    throw new IllegalStateException(type.wireName() + " is claimed by two flows: "
                            + other.getClass().getSimpleName() + " and " + rules.getClass().getSimpleName());
                }
            }
        }
    }

    public Optional<FlowRules> forType(MessageType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
