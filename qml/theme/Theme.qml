// Colours, spacing, type sizes and the touch-target size of Quartier's calm, tablet-first UI.
pragma Singleton
import QtQuick

QtObject {
    // Colours: a deep petrol as the one accent on warm, quiet neutrals.
    readonly property color primary: "#1F5C68"
    readonly property color primaryDark: "#174650"
    readonly property color primarySoft: "#E3EEF0"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color textOnPrimaryMuted: "#C9DDE1"
    readonly property color background: "#F5F6F4"
    readonly property color surface: "#FFFFFF"
    readonly property color surfaceMuted: "#EEF1EF"
    readonly property color outline: "#D9DFDD"
    readonly property color textPrimary: "#1C2527"
    readonly property color textSecondary: "#5A6769"
    readonly property color textDisabled: "#97A2A3"
    readonly property color error: "#A8322A"
    readonly property color errorSoft: "#FBECE9"
    readonly property color success: "#2F6E4F"
    readonly property color successSoft: "#E4F1E9"
    readonly property color warning: "#8A5A00"
    readonly property color warningSoft: "#FBF1DC"
    // The keyboard focus ring (FocusRing.qml): the accent, 2 px, only on keyboard focus.
    readonly property color focusRing: primary
    readonly property int focusRingWidth: 2

    // Spacing (px), on a 4 px grid.
    readonly property int spacingXs: 4
    readonly property int spacingS: 8
    readonly property int spacingM: 16
    readonly property int spacingL: 24
    readonly property int spacingXl: 32
    readonly property int spacingXxl: 48

    // Type: Roboto where installed (Material's own face), else the platform's sans serif.
    readonly property string fontFamily: "Roboto"

    // Type sizes (px).
    readonly property int fontCaption: 13
    readonly property int fontSmall: 14
    readonly property int fontBody: 16
    readonly property int fontLarge: 18
    readonly property int fontTitle: 22
    readonly property int fontHeadline: 28
    readonly property int fontDisplay: 40

    // Shapes and sizes.
    readonly property int radius: 12
    readonly property int radiusSmall: 8
    readonly property int touchTarget: 48
    readonly property int headerHeight: 72
    readonly property int formMaxWidth: 440
    readonly property int contentMaxWidth: 920
}
