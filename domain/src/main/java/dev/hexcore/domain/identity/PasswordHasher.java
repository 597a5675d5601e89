package dev.hexcore.domain.identity;

/** One-way, salted, slow password hashing (bcrypt or Argon2id). */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);
}
