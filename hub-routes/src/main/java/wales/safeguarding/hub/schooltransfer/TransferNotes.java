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

    static ComplianceNote schoolInAnotherArea(String oldArea, String newArea) {
        return new ComplianceNote("school-in-another-area",
                "The new school is in local authority " + newArea + ", the old one in " + oldArea + ": the education "
                        + "services of both were told. The case stays with your council; if the family has moved "
                        + "there, hand the case to that council with a case-transfer.",
                "Mae'r ysgol newydd yn awdurdod lleol " + newArea + ", a'r hen un yn " + oldArea + ": cafodd "
                        + "gwasanaethau addysg y ddau wybod. Mae'r achos yn aros gyda'ch cyngor chi; os yw'r teulu "
                        + "wedi symud yno, trosglwyddwch yr achos i'r cyngor hwnnw â throsglwyddiad achos "
                        + "(case-transfer).");
    }
}
