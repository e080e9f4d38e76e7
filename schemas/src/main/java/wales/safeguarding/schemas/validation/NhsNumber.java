package wales.safeguarding.schemas.validation;

/** The NHS number's modulus 11 check digit, which a schema pattern cannot express. */
public final class NhsNumber {

    private NhsNumber() {
    }

    /**
     * True when {@code value} is ten ASCII digits whose last digit is the modulus 11 check digit
     * of the first nine (weights 10 down to 2; 11 becomes 0; a result of 10 means the number
     * can never be valid).
     */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == value.charAt(9) - '0';
    }
}
