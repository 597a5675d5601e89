package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A shop's customer. The phone is kept in E.164 and is unique in the shop, as is the Telegram id when given. */
public record Customer(UUID id, UUID shopId, String name, String phone, String email, Long telegramId, String notes,
                       Instant createdAt, Instant updatedAt) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shopId, "shopId");
        name = Texts.required("name", name, 200);
        phone = Phones.e164("phone", phone);
        email = Texts.optional("email", email, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidValueException("email", "must be a well-formed email address");
        }
        if (telegramId != null && telegramId <= 0) throw new InvalidValueException("telegram_id", "must be positive");
        notes = Texts.optional("notes", notes, 2000);
    }

    public Customer withDetails(String newName, String newPhone, String newEmail, Long newTelegramId, String newNotes,
                                Instant now) {
        return new Customer(id, shopId, newName, newPhone, newEmail, newTelegramId, newNotes, createdAt, now);
    }
}
