package dev.hexcore.domain.profile;

/** The gender a name is asked for; {@link #code()} is what {@link PersonProfile#gender()} holds. */
public enum Gender {
    MALE(PersonProfile.MALE), FEMALE(PersonProfile.FEMALE);

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
