package wales.safeguarding.adapters.gpfhir;

/**
 * The identifier and code systems the GP messages use. NHS number and ODS code follow UK Core's systems (the UK
 * Core profiles themselves are not claimed: they cannot be loaded here, see the README); the hub's own systems are
 * under {@code https://hub.safeguarding.wales/}.
 */
public final class FhirSystems {

    /** UK Core: the NHS number, ten digits with a modulus 11 check digit. */
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    /** UK Core: the ODS code of an organisation (a GP practice: a letter and five digits). */
    public static final String ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String SNOMED_CT = "http://snomed.info/sct";

    /** MessageHeader.eventCoding: the hub message type (its wire name, e.g. {@code conference-invitation}). */
    public static final String MESSAGE_EVENT = "https://hub.safeguarding.wales/fhir/message-event";
    /** Bundle.meta.security: the Government Security Classification of the canonical message. */
    public static final String SECURITY_LABEL = "https://hub.safeguarding.wales/fhir/security-label";
    /** Task.code: what the hub asks the practice to do. */
    public static final String TASK_CODE = "https://hub.safeguarding.wales/fhir/task-code";
    /** Task.output.type: what the practice returns. */
    public static final String TASK_OUTPUT = "https://hub.safeguarding.wales/fhir/task-output";
    /** DocumentReference.type: which conference document it is. */
    public static final String DOCUMENT_TYPE = "https://hub.safeguarding.wales/fhir/document-type";

    /** The canonical messageId (a UUID). */
    public static final String MESSAGE_ID = "https://hub.safeguarding.wales/Id/message-id";
    /** A conference, as the council numbers it ({@code conferenceId}). */
    public static final String CONFERENCE_ID = "https://hub.safeguarding.wales/Id/conference-id";
    /** A case, as the council holding it knows it ({@code caseReference}). */
    public static final String CASE_REFERENCE = "https://hub.safeguarding.wales/Id/case-reference";
    /** A section 47 enquiry, as the council numbers it ({@code enquiryId}). */
    public static final String SECTION_47_ENQUIRY = "https://hub.safeguarding.wales/Id/section-47-enquiry";
    /** A request for a written report: one per conference and practice. */
    public static final String REPORT_REQUEST = "https://hub.safeguarding.wales/Id/report-request";
    /** A child's entry on the child protection register, as one case and child. */
    public static final String REGISTRATION = "https://hub.safeguarding.wales/Id/child-protection-registration";
    /** An agency in the hub's directory ({@code dyfed-powys-police}, {@code gp-z99001}). */
    public static final String AGENCY_ID = "https://hub.safeguarding.wales/Id/agency-id";

    /** A child, as the council holding the case knows them ({@code childReference}). */
    public static final String CHILD_REFERENCE = "https://hub.safeguarding.wales/Id/child-reference";
    /** A school in Wales, by its school number (seven digits, {@code schoolNumber}). */
    public static final String SCHOOL_NUMBER = "https://hub.safeguarding.wales/Id/school-number";

    /** Patient extension: the ONS code of the child's local authority (valueCode, {@code W06000010}). */
    public static final String LOCAL_AUTHORITY_EXTENSION =
            "https://hub.safeguarding.wales/fhir/StructureDefinition/local-authority";
    /** Patient extension: the school the child attends (valueIdentifier, {@link #SCHOOL_NUMBER}; display the name). */
    public static final String SCHOOL_EXTENSION = "https://hub.safeguarding.wales/fhir/StructureDefinition/school";
    /** The hub's questionnaires: {@code <this>/<message type>}, one per message a practice may send. */
    public static final String QUESTIONNAIRE = "https://hub.safeguarding.wales/fhir/Questionnaire/";
    /** The codes a questionnaire's choice answers take (the canonical enum values, e.g. {@code neglect}). */
    public static final String ANSWER_CODE = "https://hub.safeguarding.wales/fhir/answer-code";

    /** SNOMED CT UK: |Child protection plan|. */
    public static final String CHILD_PROTECTION_PLAN = "1064311000000109";
    public static final String CHILD_PROTECTION_PLAN_DISPLAY = "Child protection plan";

    public static final String TASK_WRITTEN_REPORT = "written-report";
    public static final String OUTPUT_WRITTEN_REPORT = "written-report";
    public static final String OUTPUT_HEALTH_RELEVANT_SUMMARY = "health-relevant-summary";

    private FhirSystems() {
    }
}
