package wales.safeguarding.hub.directory;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is who: each agency's id, kind, endpoint, language, clients and contacts. The entries live in PostgreSQL
 * ({@link DirectoryStore}); {@link DirectoryRefresher} swaps in a newer version with {@link #replaceAll}. Each
 * version is one immutable index, built beside the one in use and swapped in one write, so a lookup never waits
 * for a reload and never sees half of one.
 */
public final class Directory {

    private volatile Index index;

    public Directory(List<Agency> agencies) {
        this.index = new Index(agencies);
    }

    /** Swaps in a whole new version of the directory; refused (and the old one kept) if it breaks an index rule. */
    public synchronized void replaceAll(List<Agency> agencies) {
        index = new Index(agencies);
    }

    /**
     * Replaces the agency with the same id in this running directory only: nothing is stored, and the next version
     * swapped in replaces it. A change that should last goes through the console's {@code DirectoryAdmin}.
     */
    public synchronized void replace(Agency edited) {
        if (!index.byId.containsKey(edited.id())) {
            throw new IllegalArgumentException("directory has no agency '" + edited.id() + "'");
        }
        index = new Index(index.byId.values().stream().map(a -> a.id().equals(edited.id()) ? edited : a).toList());
    }

    /** The lookups, built once per version of the directory. */
    private static final class Index {
        private final Map<String, Agency> byId = new LinkedHashMap<>();
        private final Map<String, Agency> byClientId = new LinkedHashMap<>();
        private final Map<String, Agency> councilByLocalAuthority = new LinkedHashMap<>();
        private final Map<String, Agency> educationServiceByLocalAuthority = new LinkedHashMap<>();
        private final Map<String, Agency> healthVisitingByLocalAuthority = new LinkedHashMap<>();
        private final Map<String, Agency> schoolNursingByLocalAuthority = new LinkedHashMap<>();
        private final Map<String, Agency> byOdsCode = new LinkedHashMap<>();
        private final Map<String, Agency> bySchoolNumber = new LinkedHashMap<>();

        Index(List<Agency> agencies) {
            for (Agency agency : agencies) {
                if (byId.put(agency.id(), agency) != null) {
                    throw new IllegalArgumentException("directory names agency '" + agency.id() + "' twice");
                }
                if (agency.kind() == AgencyKind.COUNCIL) {
                    unique(councilByLocalAuthority, agency.localAuthority(), agency, "local authority");
                }
                if (agency.kind() == AgencyKind.EDUCATION_SERVICE) {
                    unique(educationServiceByLocalAuthority, agency.localAuthority(), agency,
                            "the education service of local authority");
                }
                if (agency.kind() == AgencyKind.HEALTH_VISITING) {
                    unique(healthVisitingByLocalAuthority, agency.localAuthority(), agency,
                            "the health visiting service of local authority");
                }
                if (agency.kind() == AgencyKind.SCHOOL_NURSING) {
                    unique(schoolNursingByLocalAuthority, agency.localAuthority(), agency,
                            "the school nursing service of local authority");
                }
                unique(byOdsCode, agency.odsCode(), agency, "ODS code");
                unique(bySchoolNumber, agency.schoolNumber(), agency, "school number");
                for (String clientId : agency.clientIds()) {
                    Agency other = byClientId.put(clientId, agency);
                    if (other != null) {
                        throw new IllegalArgumentException("directory maps client '" + clientId + "' to both '"
                                + other.id() + "' and '" + agency.id() + "'");
                    }
                }
            }
        }
    }

    private static void unique(Map<String, Agency> index, String key, Agency agency, String what) {
        if (key == null || key.isBlank()) {
            return;
        }
        Agency other = index.put(key, agency);
        if (other != null) {
            throw new IllegalArgumentException("directory gives " + what + " '" + key + "' to both '" + other.id()
                    + "' and '" + agency.id() + "'");
        }
    }

    public Optional<Agency> find(String agencyId) {
        return Optional.ofNullable(agencyId == null ? null : index.byId.get(agencyId));
    }

    public Optional<Agency> forClient(String clientId) {
        return Optional.ofNullable(index.byClientId.get(clientId));
    }

    /** The children's services of the local authority with this ONS code. */
    public Optional<Agency> childrensServicesFor(String onsCode) {
        return Optional.ofNullable(onsCode == null ? null : index.councilByLocalAuthority.get(onsCode));
    }

    /** The education service of the local authority with this ONS code. */
    public Optional<Agency> educationServiceFor(String onsCode) {
        return Optional.ofNullable(onsCode == null ? null : index.educationServiceByLocalAuthority.get(onsCode));
    }

    /** The GP practice (or health board) with this ODS code. */
    public Optional<Agency> byOdsCode(String odsCode) {
        return Optional.ofNullable(odsCode == null ? null : index.byOdsCode.get(odsCode));
    }

    /** The school with this Welsh school number. */
    public Optional<Agency> bySchoolNumber(String schoolNumber) {
        return Optional.ofNullable(schoolNumber == null ? null : index.bySchoolNumber.get(schoolNumber));
    }

    /** The regional safeguarding board of a council. */
    public Optional<Agency> safeguardingBoardOf(Agency council) {
        return Optional.ofNullable(council.safeguardingBoard()).flatMap(this::find);
    }

    /** The police force that covers the area of the local authority with this ONS code. */
    public Optional<Agency> policeForceFor(String onsCode) {
        return childrensServicesFor(onsCode).map(Agency::policeForce).flatMap(this::find);
    }

    /** The health board that covers the area of the local authority with this ONS code (its council names it). */
    public Optional<Agency> healthBoardFor(String onsCode) {
        return childrensServicesFor(onsCode).map(Agency::healthBoard).flatMap(this::find);
    }

    /** The health visiting service for the area of the local authority with this ONS code, where it has one. */
    public Optional<Agency> healthVisitingFor(String onsCode) {
        return Optional.ofNullable(onsCode == null ? null : index.healthVisitingByLocalAuthority.get(onsCode));
    }

    /** The school nursing service for the area of the local authority with this ONS code, where it has one. */
    public Optional<Agency> schoolNursingFor(String onsCode) {
        return Optional.ofNullable(onsCode == null ? null : index.schoolNursingByLocalAuthority.get(onsCode));
    }

    public Collection<Agency> all() {
        return Collections.unmodifiableCollection(index.byId.values());
    }

    public List<Agency> receivers() {
        return index.byId.values().stream().filter(Agency::receives).toList();
    }
}
