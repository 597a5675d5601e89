package dev.hexcore.application.course;

/** JSON Schema text helpers for the course and lesson steps. */
final class Schemas {
    private Schemas() {
    }

    /**
     * {@code schema} (an object's JSON text) with {@code "examples": [example]} added: the offline provider's answer;
     * the upstream providers do not receive the annotation.
     */
    static String withExample(String schema, String example) {
        int end = schema.lastIndexOf('}');
        return schema.substring(0, end) + ",\"examples\":[" + example + "]}";
    }
}
