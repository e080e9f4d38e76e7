package wales.safeguarding.hub.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is who: each agency's id, kind, endpoint, language, clients and contacts. Immutable once loaded.
 */
public final class Directory {

    private final Map<String, Agency> byId = new LinkedHashMap<>();
    private final Map<String, Agency> byClientId = new LinkedHashMap<>();

    public Directory(List<Agency> agencies) {
        for (Agency agency : agencies) {
            if (byId.put(agency.id(), agency) != null) {
                throw new IllegalArgumentException("directory names agency '" + agency.id() + "' twice");
            }
            for (String clientId : agency.clientIds()) {
                Agency other = byClientId.put(clientId, agency);
                if (other != null) {
                    throw new IllegalArgumentException("directory maps client '" + clientId + "' to both '"
                            + other.id() + "' and '" + agency.id() + "'");
                }
            }
        }
    }

    public Optional<Agency> find(String agencyId) {
        return Optional.ofNullable(byId.get(agencyId));
    }

    public Optional<Agency> forClient(String clientId) {
        return Optional.ofNullable(byClientId.get(clientId));
    }

    /** The children's services of the local authority with this ONS code. */
    public Optional<Agency> childrensServicesFor(String onsCode) {
        return byId.values().stream()
                .filter(a -> a.kind() == AgencyKind.COUNCIL && onsCode.equals(a.localAuthority()))
                .findFirst();
    }

    public Collection<Agency> all() {
        return byId.values();
    }

    public List<Agency> receivers() {
        return byId.values().stream().filter(Agency::receives).toList();
    }
}
