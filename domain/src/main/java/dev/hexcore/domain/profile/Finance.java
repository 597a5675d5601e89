package dev.hexcore.domain.profile;

import dev.hexcore.domain.shared.Money;

/**
 * The financial block a credit form asks for. {@code accountNumber} is a 20-digit personal account (40817 for
 * roubles) whose control digit is valid for {@code bik}; {@code cardNumber} is a 16-digit MIR card (BIN 2200–2204) with
 * a Luhn check digit; {@code employerInn} is a 10-digit legal-entity INN and {@code employerOgrn} a 13-digit OGRN.
 */
public record Finance(String bank, String bik, String correspondentAccount, String accountNumber, String cardNumber,
                      String cardExpiry, String cardHolder, Money monthlyIncome, Money monthlyExpenses, String employer,
                      String employerInn, String employerOgrn, String position, int workExperienceMonths) {
}
