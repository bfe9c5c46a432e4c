// The family's network map as an eco-map: four sectors (Familie; Freunde & Nachbarn; Schule,
// Arbeit & Vereine; Fachkräfte), three rings of closeness around the family, each contact a node
// tied to the centre by a line coloured by the relationship (unterstützend / ambivalent /
// belastend). Tap an empty place to add a contact there, drag a contact to move it to another
// sector or ring, tap a contact to edit it. Where a contact sits is its sector and ring only:
// positions within them are laid out here, so every device draws the same map.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

// A plain Item with its own implicitHeight (not a ColumnLayout: nested in the card's layout, a
// layout whose height follows its width kept a stale height in Qt 6.4).
Item {
    id: root

    property string familyName
    property real maxSize: 620  // the map's largest side; the page keeps it within the screen
    readonly property var sectors: CaseDetail.choices("network_sector")  // in the domain's order
    // Screen angle (degrees, clockwise from 3 o'clock) where each sector's quarter starts:
    // Familie top left, Freunde & Nachbarn top right, Schule/Arbeit/Vereine bottom right, Fachkräfte bottom left.
    readonly property var sectorStart: [180, 270, 0, 90]
    readonly property var ringEdges: [0.2, 0.46, 0.73, 1.0]  // centre, ring 1, ring 2, ring 3 (of the radius)
    property var points: []  // node centres by contact position

    signal addRequested(string sector, int distance)
    signal contactRequested(int position, var values)

    // Qt Quick's Canvas has no setLineDash: dashes are drawn as segments.
    function dashedLine(ctx, x0, y0, x1, y1, on, off) {
        const len = Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0))
        const ux = (x1 - x0) / len, uy = (y1 - y0) / len
        ctx.beginPath()
        for (let t = 0; t < len; t += on + off) {
            const e = Math.min(t + on, len)
            ctx.moveTo(x0 + ux * t, y0 + uy * t)
            ctx.lineTo(x0 + ux * e, y0 + uy * e)
        }
        ctx.stroke()
    }

    function colorFor(quality) {
        return quality === "supportive" ? Theme.success : quality === "ambivalent" ? "#C98A00" : Theme.error
    }

    // Sector and ring at a point of the map, or null outside the outer ring.
    function locate(x, y) {
        const dx = x - map.width / 2
        const dy = y - map.height / 2
        const r = Math.sqrt(dx * dx + dy * dy) / map.radius
        if (r > 1.0)
            return null
        let angle = Math.atan2(dy, dx) * 180 / Math.PI
        if (angle < 0)
            angle += 360
        let sector = 0
        for (let i = 0; i < 4; ++i) {
            if (angle >= sectorStart[i] && angle < sectorStart[i] + 90)
                sector = i
        }
        const distance = r < ringEdges[1] ? 1 : r < ringEdges[2] ? 2 : 3
        return { sector: sectors[sector].value, distance: distance }
    }

    // Spreads the contacts of each sector and ring evenly over its arc.
    function relayout() {
        const model = CaseNetwork.network
        const groups = {}
        const out = []
        for (let i = 0; i < model.count; ++i) {
            const c = model.get(i)
            const key = c.sector + "/" + c.distance
            if (!groups[key])
                groups[key] = []
            groups[key].push(i)
        }
        for (const key in groups) {
            const members = groups[key]
            const first = model.get(members[0])
            let s = 0
            for (let i = 0; i < 4; ++i) {
                if (sectors[i].value === first.sector)
                    s = i
            }
            const d = Math.max(1, Math.min(3, first.distance))
            const rr = (ringEdges[d - 1] + ringEdges[d]) / 2 * map.radius
            // Each ring's nodes are shifted a little against the next ring's, so that nodes of
            // neighbouring rings do not line up on one spoke; kept clear of the sector borders.
            const n = members.length
            for (let k = 0; k < n; ++k) {
                const within = Math.max(14, Math.min(76, (k + 0.5 + (d - 2) * 0.3) * 90 / n))
                const a = (sectorStart[s] + within) * Math.PI / 180
                out[members[k]] = Qt.point(map.width / 2 + rr * Math.cos(a), map.height / 2 + rr * Math.sin(a))
            }
        }
        points = out
        canvas.requestPaint()
    }

    implicitHeight: map.height + Theme.spacingM + legend.implicitHeight

    Connections {
        target: CaseNetwork.network
        function onModelReset() { root.relayout() }
        function onDataChanged() { root.relayout() }
    }

    Item {
        id: map
        objectName: "networkMap"
        readonly property real radius: Math.min(width, height) / 2 - 4
        width: root.width
        height: Math.min(root.width, root.maxSize)
        Accessible.role: Accessible.Graphic
        Accessible.name: CaseNetwork.network.count === 1 ? qsTr("Netzwerkkarte mit einem Kontakt")
                                                         : qsTr("Netzwerkkarte mit %1 Kontakten").arg(CaseNetwork.network.count)
        // After the radius, not on width or height: a handler of those can run before the radius
        // binding has followed them, and placed every node with the old, smaller radius (one ring
        // further in than the list says).
        onRadiusChanged: root.relayout()

        Canvas {
            id: canvas
            anchors.fill: parent
            antialiasing: true

            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                const cx = width / 2, cy = height / 2, R = map.radius
                // Rings, outermost first, lighter outwards.
                const fills = ["#F3F6F5", "#E9F0EF", "#DDE9EA"]
                for (let d = 3; d >= 1; --d) {
                    ctx.beginPath()
                    ctx.arc(cx, cy, root.ringEdges[d] * R, 0, 2 * Math.PI)
                    ctx.fillStyle = fills[3 - d]
                    ctx.fill()
                    ctx.lineWidth = 1
                    ctx.strokeStyle = "#C9D3D2"
                    ctx.stroke()
                }
                // Sector borders.
                ctx.beginPath()
                ctx.moveTo(cx - R, cy); ctx.lineTo(cx + R, cy)
                ctx.moveTo(cx, cy - R); ctx.lineTo(cx, cy + R)
                ctx.strokeStyle = "#B7C4C3"
                ctx.lineWidth = 1.5
                ctx.stroke()
                // Ties from the family to each contact, drawn under the nodes.
                for (let i = 0; i < nodes.count; ++i) {
                    const node = nodes.itemAt(i)
                    if (!node)
                        continue
                    const x = node.x + node.width / 2, y = node.y + node.circleTop + node.circleSize / 2
                    ctx.beginPath()
                    ctx.strokeStyle = root.colorFor(node.quality)
                    if (node.quality === "ambivalent") {
                        ctx.lineWidth = 3
                        root.dashedLine(ctx, cx, cy, x, y, 9, 6)
                    } else if (node.quality === "stressful") {
                        // A line crossed by short strokes: "belastend" without relying on colour alone.
                        ctx.lineWidth = 3
                        ctx.moveTo(cx, cy); ctx.lineTo(x, y); ctx.stroke()
                        const len = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy))
                        const ux = (x - cx) / len, uy = (y - cy) / len
                        ctx.beginPath()
                        for (let t = 40; t < len - 30; t += 14) {
                            const px = cx + ux * t, py = cy + uy * t
                            ctx.moveTo(px - uy * 6 - ux * 3, py + ux * 6 - uy * 3)
                            ctx.lineTo(px + uy * 6 + ux * 3, py - ux * 6 + uy * 3)
                        }
                        ctx.lineWidth = 2
                        ctx.stroke()
                    } else {
                        ctx.lineWidth = 4
                        ctx.moveTo(cx, cy); ctx.lineTo(x, y); ctx.stroke()
                    }
                }
            }
        }

        // Sector names in the corners.
        Repeater {
            model: root.sectors

            Label {
                required property int index
                required property var modelData
                readonly property bool atLeft: index === 0 || index === 3
                readonly property bool atTop: index === 0 || index === 1
                x: atLeft ? map.width / 2 - map.radius : map.width / 2 + map.radius - width
                y: atTop ? map.height / 2 - map.radius : map.height / 2 + map.radius - height
                width: Math.min(implicitWidth, map.radius * 0.62)
                text: modelData.label
                color: Theme.primary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                horizontalAlignment: atLeft ? Text.AlignLeft : Text.AlignRight
            }
        }

        // Tapping an empty place adds a contact in that sector and ring.
        MouseArea {
            anchors.fill: parent
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Kontakt an dieser Stelle hinzufügen")
            onClicked: mouse => {
                const place = root.locate(mouse.x, mouse.y)
                if (place)
                    root.addRequested(place.sector, place.distance)
            }
        }

        // The family in the centre.
        Rectangle {
            width: root.ringEdges[0] * 2 * map.radius
            height: width
            radius: width / 2
            x: map.width / 2 - width / 2
            y: map.height / 2 - height / 2
            color: Theme.primary

            Label {
                anchors.centerIn: parent
                width: parent.width - 12
                text: root.familyName
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }

        Repeater {
            id: nodes
            model: CaseNetwork.network

            Item {
                id: node
                required property int position
                required property string name
                required property string sectorLabel
                required property int distance
                required property string quality
                required property string qualityLabel
                required property var values
                readonly property int circleSize: 52
                readonly property point home: root.points[position] || Qt.point(map.width / 2, map.height / 2)
                // The name sits on the side away from the family, so that a ring-1 name never runs
                // into the centre disc: above the node in the upper half, below it in the lower.
                readonly property bool labelAbove: home.y < map.height / 2
                readonly property real circleTop: labelAbove ? nameLabel.height + 2 : 0
                property bool dragged: false

                objectName: "contact_" + position
                width: Math.max(circleSize, Math.min(nameLabel.implicitWidth, 140))
                height: circleSize + nameLabel.height + 2
                x: home.x - width / 2
                y: home.y - circleSize / 2 - circleTop
                z: dragArea.drag.active ? 10 : 1
                onXChanged: canvas.requestPaint()
                onYChanged: canvas.requestPaint()
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("%1, %2, Ring %3, %4").arg(name).arg(sectorLabel).arg(distance).arg(qualityLabel)

                Rectangle {
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: node.circleTop
                    width: node.circleSize
                    height: node.circleSize
                    radius: width / 2
                    color: Theme.surface
                    border.color: root.colorFor(node.quality)
                    border.width: 4

                    Label {
                        anchors.centerIn: parent
                        text: node.name.length > 0 ? node.name.charAt(0).toUpperCase() : "?"
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontLarge
                        font.weight: Font.DemiBold
                    }
                }
                Label {
                    id: nameLabel
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: node.labelAbove ? 0 : node.circleSize + 2
                    width: Math.min(implicitWidth, 140)
                    text: node.name
                    wrapMode: Text.WordWrap  // two lines rather than a cut name ("Nachbarin Frau Je…")
                    maximumLineCount: 2
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.Medium
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                    style: Text.Outline
                    styleColor: Theme.surface
                }

                MouseArea {
                    id: dragArea
                    anchors.fill: parent
                    drag.target: node
                    drag.threshold: 12
                    preventStealing: true
                    onPressed: node.dragged = false
                    onPositionChanged: if (drag.active) node.dragged = true
                    onReleased: {
                        if (!node.dragged) {
                            root.contactRequested(node.position, node.values)
                            return
                        }
                        const place = root.locate(node.x + node.width / 2, node.y + node.circleTop + node.circleSize / 2)
                        // Back to its laid-out place; a move re-lays it out in its new sector and ring.
                        node.x = Qt.binding(() => node.home.x - node.width / 2)
                        node.y = Qt.binding(() => node.home.y - node.circleSize / 2 - node.circleTop)
                        if (place)
                            CaseNetwork.moveNetworkContact(node.position, place.sector, place.distance)
                    }
                }
            }
        }

        Component.onCompleted: root.relayout()
    }

    // The legend: what the lines mean (colour and pattern, so colour is not the only cue).
    Flow {
        id: legend
        anchors.top: map.bottom
        anchors.topMargin: Theme.spacingM
        width: root.width
        spacing: Theme.spacingL

        Repeater {
            model: CaseDetail.choices("contact_quality")

            RowLayout {
                required property var modelData
                spacing: Theme.spacingS
                Canvas {
                    Layout.preferredWidth: 40
                    Layout.preferredHeight: 16
                    onPaint: {
                        const ctx = getContext("2d")
                        ctx.reset()
                        ctx.strokeStyle = root.colorFor(parent.modelData.value)
                        ctx.lineWidth = parent.modelData.value === "supportive" ? 4 : 3
                        if (parent.modelData.value === "ambivalent")
                            root.dashedLine(ctx, 0, 8, 40, 8, 9, 6)
                        else {
                            ctx.beginPath(); ctx.moveTo(0, 8); ctx.lineTo(40, 8); ctx.stroke()
                        }
                        if (parent.modelData.value === "stressful") {
                            ctx.beginPath()
                            for (let t = 8; t < 40; t += 12) { ctx.moveTo(t - 3, 14); ctx.lineTo(t + 3, 2) }
                            ctx.lineWidth = 2
                            ctx.stroke()
                        }
                    }
                }
                Label {
                    text: parent.modelData.label
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
    }
}
