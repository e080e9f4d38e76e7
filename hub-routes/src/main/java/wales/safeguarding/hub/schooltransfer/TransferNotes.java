package wales.safeguarding.hub.schooltransfer;

import wales.safeguarding.hub.tracking.ComplianceNote;

/** The compliance notes of a school transfer, in Welsh and English side by side. */
final class TransferNotes {

    private TransferNotes() {
    }

    static ComplianceNote oldSchoolNotConnected() {
        return new ComplianceNote("old-school-not-connected",
                "The school the child leaves is not connected to the hub: it was not told. Tell it that the child has "
                        + "left and where the file went.",
                "Nid yw'r ysgol y mae'r plentyn yn ei gadael wedi'i chysylltu â'r hwb: ni chafodd wybod. Rhowch wybod "
                        + "iddi fod y plentyn wedi gadael ac i ble'r aeth y ffeil.");
    }

    static ComplianceNote educationServiceUnknown(String localAuthority) {
        return new ComplianceNote("education-service-unknown",
                "No education service of local authority " + localAuthority + " is in the hub directory: it was not "
                        + "told of the move.",
                "Nid yw gwasanaeth addysg awdurdod lleol " + localAuthority + " yng nghyfeiriadur yr hwb: ni chafodd "
                        + "wybod am y symud.");
    }
}
