package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.LocalTime;

/** Where, when and to whom an order goes, and the card's text. Every field is optional (a pickup has none). */
public record Delivery(String address, LocalDate date, LocalTime timeFrom, LocalTime timeTo, String recipientName,
                       String recipientPhone, String cardText) {
    public static final Delivery NONE = new Delivery(null, null, null, null, null, null, null);

    public Delivery {
        address = Texts.optional("delivery_address", address, 500);
        if ((timeFrom == null) != (timeTo == null)) {
            throw new InvalidValueException("delivery_time_from", "give both ends of the time window or neither");
        }
        if (timeFrom != null && !timeFrom.isBefore(timeTo)) {
            throw new InvalidValueException("delivery_time_to", "must be after delivery_time_from");
        }
        recipientName = Texts.optional("recipient_name", recipientName, 200);
        recipientPhone = recipientPhone == null || recipientPhone.isBlank() ? null
                : Phones.e164("recipient_phone", recipientPhone);
        cardText = Texts.optional("card_text", cardText, 1000);
    }
}
