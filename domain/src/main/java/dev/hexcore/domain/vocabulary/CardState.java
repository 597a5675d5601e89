package dev.hexcore.domain.vocabulary;

/** Where an item is in its review life: never seen, in same-day learning steps, on day intervals, or relearning. */
public enum CardState {
    NEW, LEARNING, REVIEW, RELEARNING
}
